package io.ringbook.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One JSON line per request on the {@code ringbook.access} logger, for both HTTP APIs:
 * method, path, status, latency, who (the account of an API key, the role of an admin
 * token) and request id. Never a key, a token, a signature, a secret or a body.
 *
 * <p>Asynchronous and batched: a request thread only queues what it saw (a bounded
 * queue; when full it waits, so a line is never dropped), and one writer thread renders
 * whatever has queued, up to {@value #BATCH} lines, as one logging event of several lines,
 * so stdout costs one write per batch instead of one per request. Between batches the
 * writer lets lines gather for a millisecond rather than be woken by the request thread
 * of every few lines (a wake-up cost more than the line). {@link #close} (on the server's
 * stop, after the last request was answered) writes every queued line before it returns.
 *
 * <p>A logging backend that throws (stdout closed, an appender failing) costs the lines of
 * that batch, never the writer: it counts them, says so once on this
 * class's own logger when writing starts failing and again, with the count, when it writes
 * again or stops; the request threads never wait on a writer that has died.
 */
public final class AccessLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ringbook.access");
    /** Where the writer says that lines could not be written: not the access log's own logger, which is failing. */
    private static final Logger TROUBLE = LoggerFactory.getLogger(AccessLog.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int BATCH = 1024;
    private static final int QUEUED = 64 * 1024;
    private static final long GATHER_MICROS = 1_000;
    /** Queued by {@link #close}: every line before it is written, then the writer ends. */
    private static final Line END = new Line("", "", 0, 0, null, null);

    private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread writer;
    /** Lines lost since writing last worked, and since the start (the writer's own counts). */
    private long unwrittenInRun;
    private long unwritten;

    /** @param name what the writer thread is called after ({@code ringbook-access-log-NAME}) */
    public AccessLog(String name) {
        writer = new Thread(this::writeUntilClosed, "ringbook-access-log-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /** What one request did. */
    private record Line(String method, String path, int status, float millis, String principal, String requestId) {
    }

    /** @param principal who made the request, or null if nobody authenticated */
    public void log(Context ctx, Float millis, String principal) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Line line = new Line(ctx.method().name(), ctx.path(), ctx.statusCode(), millis == null ? 0 : millis, principal,
                ctx.res().getHeader("X-Request-Id"));
        if (!queue.offer(line)) {
            try {
                queue.put(line);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes every line queued so far and stops the writer; lines logged afterwards are not written. */
    @Override
    public void close() {
        try {
            queue.offer(END, 10, TimeUnit.SECONDS);
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a line only when none is queued; after each batch it lets lines gather
     * for {@value #GATHER_MICROS} us, so that under load the writer wakes on its own timer a
     * thousand times a second at most, not at the request threads' signal every few lines.
     */
    private void writeUntilClosed() {
        List<Line> batch = new ArrayList<>(BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            int end = endOf(batch);
            List<Line> lines = batch.subList(0, end);
            if (!lines.isEmpty()) {
                write(lines);
            }
            if (end < batch.size()) {
                reportUnwritten("the access log stopped");
                return;
            }
            boolean full = batch.size() == BATCH;
            batch.clear();
            if (!full) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(GATHER_MICROS));
            }
        }
    }

    /** Writes one batch; a backend that throws costs the batch, counted and reported, not the writer. */
    private void write(List<Line> lines) {
        try {
            LOG.info(render(lines));
        } catch (RuntimeException e) {
            if (unwrittenInRun == 0) {
                TROUBLE.error("access log lines cannot be written, dropping them until writing works again", e);
            }
            unwrittenInRun += lines.size();
            unwritten += lines.size();
            return;
        }
        reportUnwritten("the access log writes again");
    }

    /** Says how many lines the last run of failures cost, if any. */
    private void reportUnwritten(String now) {
        if (unwrittenInRun > 0) {
            TROUBLE.warn("{} after {} lines could not be written ({} since start)", now, unwrittenInRun, unwritten);
            unwrittenInRun = 0;
        }
    }

    /** Where {@link #END} is in the batch, or its size. */
    private static int endOf(List<Line> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == END) {
                return i;
            }
        }
        return batch.size();
    }

    /** The lines as JSON, one per request, separated by newlines (the appender ends the last). */
    private static String render(List<Line> batch) {
        StringWriter text = new StringWriter(batch.size() * 160);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            for (Line line : batch) {
                json.writeStartObject();
                json.writeStringField("method", line.method);
                json.writeStringField("path", line.path);
                json.writeNumberField("status", line.status);
                json.writeNumberField("latencyMs", line.millis);
                json.writeStringField("principal", line.principal);
                json.writeStringField("requestId", line.requestId);
                json.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

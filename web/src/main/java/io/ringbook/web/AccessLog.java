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

/**
 * One JSON line per request on the {@code ringbook.access} logger, for both HTTP APIs:
 * method, path, status, latency, who (the account of an API key, the role of an admin
 * token) and request id. Never a key, a token, a signature, a secret or a body.
 *
 * <p>Asynchronous and batched: a request thread only queues what it saw (a bounded
 * queue; when full it waits, so a line is never dropped), and one writer thread renders
 * whatever has queued, up to {@value #BATCH} lines, as one logging event of several lines,
 * so stdout costs one write per batch instead of one per request. {@link #close} (on the
 * server's stop, after the last request was answered) writes every queued line before it
 * returns.
 */
public final class AccessLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ringbook.access");
    private static final JsonFactory JSON = new JsonFactory();
    private static final int BATCH = 1024;
    private static final int QUEUED = 64 * 1024;
    private static final long IDLE_WAIT_MILLIS = 2;

    private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread writer;
    private volatile boolean closing;

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
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        List<Line> batch = new ArrayList<>(BATCH);
        while (true) {
            boolean last = closing;
            queue.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                if (last) {
                    return;
                }
                try {
                    Line first = queue.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            LOG.info(render(batch));
            batch.clear();
        }
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

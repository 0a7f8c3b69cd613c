package io.ringbook.perf;

import io.ringbook.engine.pipeline.EpochClock;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench --target ... --subscribers N}: N WebSocket sessions on the running
 * engine's stream, each following TEST's book and trades and its account's orders, while
 * the harness places orders. Each session checks that its book updates are contiguous
 * (every update's sequence the previous one's or the next, after the snapshot's) and
 * counts what it received; trade frames give the fan-out latency, from the trade's engine
 * time to the frame's arrival (both on this host's clock). Frames are read with string
 * scans, not a JSON parser, so that the readers keep up on the cores they share with the
 * server; readers that fall behind are what the server's slow-consumer rule is for, and
 * a session closed 1008 is counted.
 */
final class StreamFanout implements AutoCloseable {

    private static final EpochClock CLOCK = EpochClock.system();

    private final List<WebSocket> sessions = new ArrayList<>();
    private final Histogram fanout = new Histogram(60_000_000_000L, 3);
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong slowConsumers = new AtomicLong();
    private final AtomicLong otherCloses = new AtomicLong();

    /** @param keys API keys, used in turn: one session per key at a time, so each account's orders reach several readers */
    StreamFanout(String host, int port, String[] keys, int subscribers) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < subscribers; i++) {
            WebSocket socket = http.newWebSocketBuilder().header("X-API-Key", keys[i % keys.length]).connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://" + host + ":" + port + "/api/v1/stream"), new Reader()).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}", true).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"op\":\"subscribe\",\"channel\":\"trades\",\"symbol\":\"TEST\"}", true).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"op\":\"subscribe\",\"channel\":\"orders\"}", true).get(10, TimeUnit.SECONDS);
            sessions.add(socket);
        }
    }

    /** Prints what the sessions received. */
    void report() {
        synchronized (fanout) {
            System.out.printf("streams    %d sessions, %d frames, %d book gaps, %d closed SLOW_CONSUMER, %d closed otherwise%n",
                    sessions.size(), frames.get(), gaps.get(), slowConsumers.get(), otherCloses.get());
            System.out.printf("fan-out    trade time to frame received, microseconds: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (%d trade frames)%n",
                    fanout.getValueAtPercentile(50) / 1000.0, fanout.getValueAtPercentile(90) / 1000.0,
                    fanout.getValueAtPercentile(99) / 1000.0, fanout.getValueAtPercentile(99.9) / 1000.0,
                    fanout.getMaxValue() / 1000.0, fanout.getTotalCount());
        }
    }

    @Override
    public void close() {
        for (WebSocket socket : sessions) {
            socket.abort();
        }
    }

    /** One session's reader: book contiguity, trade latency, counts. */
    private final class Reader implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private long bookSequence = -1;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frame(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            (statusCode == 1008 ? slowConsumers : otherCloses).incrementAndGet();
            return null;
        }

        private void frame(String frame) {
            frames.incrementAndGet();
            if (frame.startsWith("{\"type\":\"book\"")) {
                long sequence = number(frame, "\"sequence\":");
                if (frame.contains("\"snapshot\":true")) {
                    bookSequence = sequence;
                } else if (sequence != bookSequence && sequence != bookSequence + 1) {
                    gaps.incrementAndGet();
                    bookSequence = sequence;
                } else {
                    bookSequence = sequence;
                }
            } else if (frame.startsWith("{\"type\":\"trade\"")) {
                long received = CLOCK.epochNanos();
                int at = frame.indexOf("\"time\":\"") + 8;
                Instant time = Instant.parse(frame.substring(at, frame.indexOf('"', at)));
                long latency = received - (time.getEpochSecond() * 1_000_000_000L + time.getNano());
                synchronized (fanout) {
                    fanout.recordValue(Math.max(0, latency));
                }
            }
        }

        private static long number(String frame, String field) {
            int from = frame.indexOf(field) + field.length();
            int to = from;
            while (to < frame.length() && Character.isDigit(frame.charAt(to))) {
                to++;
            }
            return Long.parseLong(frame, from, to, 10);
        }
    }
}

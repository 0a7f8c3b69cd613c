package io.ringbook.perf;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.gateway.rest.ApiKeys;
import io.ringbook.gateway.rest.RateLimits;
import io.ringbook.gateway.rest.RestGateway;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order entry through the REST gateway on loopback, open-loop: order i is due at
 * start + i/rate and its latency runs from then to its HTTP response. Alternating buys
 * and sells that cross keep the book small; {@value #CONNECTIONS} keep-alive connections
 * ({@link KeepAliveClients}) carry them. The gateway's rate limits are lifted for
 * the run (they would otherwise be what is measured).
 */
final class RestLoad {


    /**
     * Requests in flight at most, like a client with this many connections: a sender
     * that finds none free waits, and that wait counts in the latency (measured from the
     * intended time), but the run cannot exhaust file descriptors.
     */
    private static final int CONNECTIONS = 64;

    /** Requests a second no bucket will meet in this run. */
    private static final long UNLIMITED = 100_000_000;

    private RestLoad() {
    }

    /** Runs the load against a gateway in front of {@code builder}'s pipeline; returns {commands measured, nanos}. */
    static long[] run(EnginePipeline.Builder builder, ReferenceData data, RiskStatus risk, EpochClock clock, Histogram histogram, long rate, long warmupSeconds,
                      long durationSeconds) throws Exception {
        RestGateway gateway = new RestGateway(data, new ApiKeys(Map.of("t1-key", 0, "t2-key", 1)),
                new RateLimits(UNLIMITED, UNLIMITED * 60, UNLIMITED, UNLIMITED * 60, Integer.MAX_VALUE, 0), risk);
        gateway.listeners().forEach(builder::listener);
        try (EnginePipeline pipeline = builder.build().start(); gateway) {
            int port = gateway.start("127.0.0.1", 0);
            gateway.open(pipeline.publisher());
            return drive("127.0.0.1", port, "t1-key", "t2-key", BenchScenario.symbol(data).name(), clock, histogram, rate, warmupSeconds, durationSeconds);
        }
    }

    /**
     * Runs the load against a gateway listening at {@code host:port}, in this process or
     * another (whose rate limits must let it through); buys go with {@code buyerKey}, sells
     * with {@code sellerKey}, on {@code symbol}. Returns {commands measured, nanos}.
     */
    static long[] drive(String host, int port, String buyerKey, String sellerKey, String symbol, EpochClock clock, Histogram histogram, long rate,
                        long warmupSeconds, long durationSeconds) throws Exception {
        long interval = 1_000_000_000L / rate;
        long warmup = warmupSeconds * rate;
        long total = warmup + durationSeconds * rate;
        long start = clock.epochNanos() + 10_000_000;
        long measureFrom = start + warmup * interval;
        String run = Long.toString(clock.epochNanos() / 1_000_000 % 100_000_000, 36);
        AtomicLong failures = new AtomicLong();
        KeepAliveClients clients = new KeepAliveClients(CONNECTIONS, host, port, (intended, status) -> {
            if (status >= 400 || status < 0) {
                if (failures.incrementAndGet() == 1) {
                    System.out.println("first failure: HTTP " + status);
                }
            } else if (intended >= measureFrom) {
                synchronized (histogram) {
                    histogram.recordValue(Math.max(0, clock.epochNanos() - intended));
                }
            }
        });
        Pacing pacing = new Pacing(clock, interval);
        try (clients) {
            for (long i = 0; i < total; i++) {
                long intended = start + i * interval;
                pacing.awaitUntil(intended);
                boolean buy = i % 2 == 0;
                String body = "{\"clOrdId\":\"b" + run + "-" + i + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + (buy ? "BUY" : "SELL")
                        + "\",\"type\":\"LIMIT\",\"price\":\"" + (buy ? 100 + i % 3 : 100 - i % 3) + "\",\"qty\":\"1\"}";
                clients.send(new KeepAliveClients.Request(intended, KeepAliveClients.post("/api/v1/orders", buy ? buyerKey : sellerKey, body)));
            }
        }
        if (failures.get() > 0) {
            System.out.println("failed     " + failures.get() + " requests (errors or 4xx/5xx)");
        }
        return new long[] {total - warmup, durationSeconds * 1_000_000_000L};
    }
}

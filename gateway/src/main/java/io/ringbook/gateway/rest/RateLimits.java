package io.ringbook.gateway.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gateway rate limits (not the risk throttle, which runs on event time in the engine):
 * token buckets per API key, or per client IP for requests without one, one family for
 * order entry (anything that changes orders) and one for queries. Every response carries
 * the {@code X-RateLimit-*} headers of its bucket; an empty bucket is a 429 with
 * {@code Retry-After}.
 *
 * @param orderEntryPerSecond refill rate and burst of the order-entry buckets
 * @param queriesPerSecond    refill rate and burst of the query buckets
 */
public record RateLimits(long orderEntryPerSecond, long queriesPerSecond) {

    /** The demo profile's limits: far above what a test or a person at a terminal sends. */
    public static final RateLimits DEMO = new RateLimits(2_000, 2_000);

    /** Buckets in use, created on first sight of a key or address. */
    final class Buckets {
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

        /** Takes a token for this request, sets the headers; 429 when the bucket is empty. */
        void take(Context ctx) {
            boolean orderEntry = ctx.method() != HandlerType.GET;
            long limit = orderEntry ? orderEntryPerSecond : queriesPerSecond;
            String key = ctx.header("X-API-Key");
            String owner = (orderEntry ? "entry:" : "query:") + (key != null ? "key:" + key : "ip:" + ctx.ip());
            ConsumptionProbe probe = buckets.computeIfAbsent(owner, o -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofSeconds(1)).build())
                    .build()).tryConsumeAndReturnRemaining(1);
            long nowSeconds = System.currentTimeMillis() / 1000;
            ctx.header("X-RateLimit-Limit", Long.toString(limit));
            ctx.header("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            ctx.header("X-RateLimit-Reset", Long.toString(nowSeconds + ceilSeconds(probe.getNanosToWaitForReset())));
            if (!probe.isConsumed()) {
                ctx.header("Retry-After", Long.toString(Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()))));
                throw new ApiException(429, "RATE_LIMITED", "too many requests; retry after the Retry-After seconds");
            }
        }
    }

    Buckets buckets() {
        return new Buckets();
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}

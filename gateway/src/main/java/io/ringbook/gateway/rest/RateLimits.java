package io.ringbook.gateway.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ringbook.web.ApiException;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gateway rate limits (not the risk throttle, which runs on event time in the engine):
 * token buckets per API key and per client IP, one family for order entry (anything
 * that changes orders) and one for queries, each with a per-second burst and a
 * per-minute allowance. Every response carries the {@code X-RateLimit-*} headers of its
 * tightest bucket; an empty bucket is a 429 with {@code Retry-After}. An address refused
 * {@code abuseRefusals} times within a minute is blocked for {@code blockSeconds}.
 */
public record RateLimits(long orderEntryPerSecond, long orderEntryPerMinute, long queriesPerSecond, long queriesPerMinute,
                         int abuseRefusals, long blockSeconds) {

    /** The demo profile's limits: far above what a test or a person at a terminal sends. */
    public static final RateLimits DEMO = new RateLimits(2_000, 60_000, 2_000, 60_000, 1_000, 60);

    Buckets buckets() {
        return new Buckets();
    }

    /** The buckets in use, created on first sight of a key or an address. */
    final class Buckets {
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Abuse> abuse = new ConcurrentHashMap<>();

        /** Takes a token for this request from its key's and its address's buckets; sets the headers; 429 if either is empty. */
        void take(Context ctx) {
            String ip = ctx.ip();
            long now = System.currentTimeMillis();
            Abuse record = abuse.computeIfAbsent(ip, a -> new Abuse());
            long blockedFor = record.blockedUntil.get() - now;
            if (blockedFor > 0) {
                ctx.header("Retry-After", Long.toString((blockedFor + 999) / 1000));
                throw new ApiException(429, "RATE_LIMITED", "this address is blocked for repeated abuse");
            }
            boolean entry = ctx.method() != HandlerType.GET;
            String family = entry ? "entry:" : "query:";
            ConsumptionProbe byIp = bucket(family + "ip:" + ip, entry).tryConsumeAndReturnRemaining(1);
            String key = ctx.header("X-API-Key");
            ConsumptionProbe byKey = key == null ? byIp : bucket(family + "key:" + key, entry).tryConsumeAndReturnRemaining(1);
            ConsumptionProbe tightest = byKey.getRemainingTokens() <= byIp.getRemainingTokens() ? byKey : byIp;
            ctx.header("X-RateLimit-Limit", Long.toString(entry ? orderEntryPerSecond : queriesPerSecond));
            ctx.header("X-RateLimit-Remaining", Long.toString(tightest.getRemainingTokens()));
            ctx.header("X-RateLimit-Reset", Long.toString(now / 1000 + ceilSeconds(tightest.getNanosToWaitForReset())));
            if (!byIp.isConsumed() || !byKey.isConsumed()) {
                record.refused(now);
                ConsumptionProbe refused = byIp.isConsumed() ? byKey : byIp;
                ctx.header("Retry-After", Long.toString(Math.max(1, ceilSeconds(refused.getNanosToWaitForRefill()))));
                throw new ApiException(429, "RATE_LIMITED", "too many requests; retry after the Retry-After seconds");
            }
        }

        private Bucket bucket(String owner, boolean entry) {
            long perSecond = entry ? orderEntryPerSecond : queriesPerSecond;
            long perMinute = entry ? orderEntryPerMinute : queriesPerMinute;
            return buckets.computeIfAbsent(owner, o -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }

        /** Refusals of one address in the current minute, and until when it is blocked. */
        private final class Abuse {
            private final AtomicLong minute = new AtomicLong();
            private final AtomicLong refusals = new AtomicLong();
            private final AtomicLong blockedUntil = new AtomicLong();

            void refused(long now) {
                long thisMinute = now / 60_000;
                if (minute.getAndSet(thisMinute) != thisMinute) {
                    refusals.set(0);
                }
                if (refusals.incrementAndGet() >= abuseRefusals) {
                    blockedUntil.set(now + blockSeconds * 1000);
                }
            }
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}

package io.ringbook.gateway.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ringbook.web.ApiException;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Gateway rate limits (not the risk throttle, which runs on event time in the engine):
 * token buckets per API key and per client IP, one family for order entry (anything
 * that changes orders) and one for queries, each with a per-second burst and a
 * per-minute allowance. Every response carries the {@code X-RateLimit-*} headers of its
 * tightest bucket; an empty bucket is a 429 with {@code Retry-After}. An address refused
 * {@code abuseRefusals} times within a minute is blocked for {@code blockSeconds}. A
 * WebSocket upgrade takes a token from the query buckets like any {@code GET}; what a
 * stream may do once open is bounded by {@link StreamLimits}.
 */
public record RateLimits(long orderEntryPerSecond, long orderEntryPerMinute, long queriesPerSecond, long queriesPerMinute,
                         int abuseRefusals, long blockSeconds, StreamLimits streams) {

    /** The demo profile's limits: far above what a test or a person at a terminal sends. */
    public static final RateLimits DEMO = new RateLimits(2_000, 60_000, 2_000, 60_000, 1_000, 60);

    /** HTTP limits as given, with the demo profile's stream limits. */
    public RateLimits(long orderEntryPerSecond, long orderEntryPerMinute, long queriesPerSecond, long queriesPerMinute,
                      int abuseRefusals, long blockSeconds) {
        this(orderEntryPerSecond, orderEntryPerMinute, queriesPerSecond, queriesPerMinute, abuseRefusals, blockSeconds,
                StreamLimits.DEMO);
    }

    /** @param accountOfKey the account of an API key, if it is one: only real keys get buckets of their own */
    Buckets buckets(Function<String, OptionalInt> accountOfKey) {
        return new Buckets(accountOfKey);
    }

    /**
     * The buckets in use, created on first sight of a key or an address, and forgotten
     * once idle for a minute (a bucket idle that long has refilled completely, so a new
     * one is the same): memory follows the clients of the last minute, not every key or
     * address ever seen, however many a stranger makes up. A key gets a bucket only once
     * it is known to be an account's key; a made-up key counts against its address alone.
     */
    final class Buckets {
        private static final long IDLE_MILLIS = 60_000;
        private final ConcurrentHashMap<String, Used> buckets = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Abuse> abuse = new ConcurrentHashMap<>();
        private final AtomicLong nextSweep = new AtomicLong();
        private final Function<String, OptionalInt> accountOfKey;

        private Buckets(Function<String, OptionalInt> accountOfKey) {
            this.accountOfKey = accountOfKey;
        }

        /** Takes a token for this request from its key's and its address's buckets; sets the headers; 429 if either is empty. */
        void take(Context ctx) {
            String ip = ctx.ip();
            long now = System.currentTimeMillis();
            sweepIfDue(now);
            Abuse record = abuse.computeIfAbsent(ip, a -> new Abuse());
            long blockedFor = record.blockedUntil.get() - now;
            if (blockedFor > 0) {
                ctx.header("Retry-After", Long.toString((blockedFor + 999) / 1000));
                throw new ApiException(429, "RATE_LIMITED", "this address is blocked for repeated abuse");
            }
            boolean entry = ctx.method() != HandlerType.GET;
            String family = entry ? "entry:" : "query:";
            ConsumptionProbe byIp = bucket(family + "ip:" + ip, entry, now).tryConsumeAndReturnRemaining(1);
            String key = ctx.header("X-API-Key");
            OptionalInt account = key == null ? OptionalInt.empty() : accountOfKey.apply(key);
            ConsumptionProbe byKey = account.isEmpty() ? byIp
                    : bucket(family + "account:" + account.getAsInt(), entry, now).tryConsumeAndReturnRemaining(1);
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

        Bucket bucket(String owner, boolean entry, long now) {
            long perSecond = entry ? orderEntryPerSecond : queriesPerSecond;
            long perMinute = entry ? orderEntryPerMinute : queriesPerMinute;
            Used used = buckets.computeIfAbsent(owner, o -> new Used(Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build()));
            used.lastMillis = now;
            return used.bucket;
        }

        /** Once a minute, by whichever request comes first: forgets idle buckets and lapsed abuse records. */
        private void sweepIfDue(long now) {
            long due = nextSweep.get();
            if (now >= due && nextSweep.compareAndSet(due, now + IDLE_MILLIS)) {
                sweep(now);
            }
        }

        void sweep(long now) {
            buckets.values().removeIf(used -> now - used.lastMillis > IDLE_MILLIS);
            abuse.values().removeIf(record -> record.blockedUntil.get() < now && record.minute.get() < now / 60_000);
        }

        int size() {
            return buckets.size() + abuse.size();
        }

        /** A bucket and when it last served a request. */
        private static final class Used {
            private final Bucket bucket;
            private volatile long lastMillis;

            Used(Bucket bucket) {
                this.bucket = bucket;
            }
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

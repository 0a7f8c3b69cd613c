package io.ringbook.gateway.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.web.ApiException;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /**
     * @param accountOfKey the account of an API key, if it is one: only real keys get buckets of their own
     * @param accounts     how many accounts there are (ids 0 to accounts - 1)
     * @param clock        the wall clock the buckets refill and blocks lapse by (the engine's, in tests that move time)
     */
    Buckets buckets(Function<String, OptionalInt> accountOfKey, int accounts, EpochClock clock) {
        return new Buckets(accountOfKey, accounts, clock);
    }

    /**
     * The buckets in use. An address's buckets (both families) and its abuse record are
     * one entry, found with one lookup per request, created on first sight and forgotten
     * once idle for a minute (a bucket idle that long has refilled completely, so a new one
     * is the same): memory follows the clients of the last minute, not every address ever
     * seen. An account's buckets sit in an array by account id, made on its first request;
     * a key gets them only once it is known to be an account's key, so a made-up key counts
     * against its address alone. Buckets are lock-free (compare-and-set), so request threads
     * never wait on one another here.
     */
    final class Buckets {
        private static final long IDLE_MILLIS = 60_000;
        private final ConcurrentHashMap<String, Client> addresses = new ConcurrentHashMap<>();
        private final AtomicReferenceArray<Client> accounts;
        private final AtomicLong nextSweep = new AtomicLong();
        private final Function<String, OptionalInt> accountOfKey;
        private final EpochClock clock;
        private final TimeMeter meter;

        private Buckets(Function<String, OptionalInt> accountOfKey, int accounts, EpochClock clock) {
            this.accountOfKey = accountOfKey;
            this.accounts = new AtomicReferenceArray<>(accounts);
            this.clock = clock;
            this.meter = new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return clock.epochNanos();
                }

                @Override
                public boolean isWallClockBased() {
                    return true;
                }
            };
        }

        /** Takes a token for this request from its key's and its address's buckets; sets the headers; 429 if either is empty. */
        void take(Context ctx) {
            String ip = ctx.ip();
            long now = clock.epochNanos() / 1_000_000;
            sweepIfDue(now);
            Client address = address(ip, now);
            long blockedFor = address.blockedUntil.get() - now;
            if (blockedFor > 0) {
                ctx.header("Retry-After", Long.toString((blockedFor + 999) / 1000));
                throw new ApiException(429, "RATE_LIMITED", "this address is blocked for repeated abuse");
            }
            boolean entry = ctx.method() != HandlerType.GET;
            ConsumptionProbe byIp = address.family(entry).tryConsumeAndReturnRemaining(1);
            String key = ctx.header("X-API-Key");
            OptionalInt account = key == null ? OptionalInt.empty() : accountOfKey.apply(key);
            ConsumptionProbe byKey = account.isEmpty() ? byIp : account(account.getAsInt()).family(entry).tryConsumeAndReturnRemaining(1);
            ConsumptionProbe tightest = byKey.getRemainingTokens() <= byIp.getRemainingTokens() ? byKey : byIp;
            ctx.header("X-RateLimit-Limit", Long.toString(entry ? orderEntryPerSecond : queriesPerSecond));
            ctx.header("X-RateLimit-Remaining", Long.toString(tightest.getRemainingTokens()));
            ctx.header("X-RateLimit-Reset", Long.toString(now / 1000 + ceilSeconds(tightest.getNanosToWaitForReset())));
            if (!byIp.isConsumed() || !byKey.isConsumed()) {
                address.refused(now);
                ConsumptionProbe refused = byIp.isConsumed() ? byKey : byIp;
                ctx.header("Retry-After", Long.toString(Math.max(1, ceilSeconds(refused.getNanosToWaitForRefill()))));
                throw new ApiException(429, "RATE_LIMITED", "too many requests; retry after the Retry-After seconds");
            }
        }

        /** The address's buckets and abuse record, made on first sight; marked used now. */
        Client address(String ip, long now) {
            Client client = addresses.get(ip);
            if (client == null) {
                client = addresses.computeIfAbsent(ip, a -> new Client());
            }
            client.lastMillis = now;
            return client;
        }

        private Client account(int id) {
            Client client = accounts.get(id);
            if (client == null && !accounts.compareAndSet(id, null, client = new Client())) {
                client = accounts.get(id);
            }
            return client;
        }

        /** Once a minute, by whichever request comes first: forgets idle addresses (buckets refilled, no block in force). */
        private void sweepIfDue(long now) {
            long due = nextSweep.get();
            if (now >= due && nextSweep.compareAndSet(due, now + IDLE_MILLIS)) {
                sweep(now);
            }
        }

        void sweep(long now) {
            addresses.values().removeIf(client -> now - client.lastMillis > IDLE_MILLIS && client.blockedUntil.get() < now);
        }

        /** Addresses and accounts holding buckets now. */
        int size() {
            int held = addresses.size();
            for (int i = 0; i < accounts.length(); i++) {
                held += accounts.get(i) == null ? 0 : 1;
            }
            return held;
        }

        /** One client's buckets (order entry and queries), when it last made a request, and (for an address) its refusals. */
        final class Client {
            private final Bucket entry = bucket(orderEntryPerSecond, orderEntryPerMinute);
            private final Bucket query = bucket(queriesPerSecond, queriesPerMinute);
            private final AtomicLong minute = new AtomicLong();
            private final AtomicLong refusals = new AtomicLong();
            private final AtomicLong blockedUntil = new AtomicLong();
            private volatile long lastMillis;

            Bucket family(boolean orderEntry) {
                return orderEntry ? entry : query;
            }

            void refused(long now) {
                long thisMinute = now / 60_000;
                if (minute.getAndSet(thisMinute) != thisMinute) {
                    refusals.set(0);
                }
                if (refusals.incrementAndGet() >= abuseRefusals) {
                    blockedUntil.set(now + blockSeconds * 1000);
                }
            }

            private Bucket bucket(long perSecond, long perMinute) {
                return Bucket.builder().withCustomTimePrecision(meter)
                        .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                        .build();
            }
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}

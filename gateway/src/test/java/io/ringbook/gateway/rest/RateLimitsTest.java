package io.ringbook.gateway.rest;

import io.ringbook.engine.pipeline.EpochClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's token buckets through real HTTP, on a clock the tests move (no waiting for a refill or a block to lapse). */
class RateLimitsTest {

    @Test
    void shouldCountEachKeysRequestsInTheHeadersAndRefuseTheOneTooMany() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture(new RateLimits(3, 100, 2, 100, 1_000, 60))) {
            HttpResponse<String> first = query(gateway, "t1-key");
            assertEquals("2", first.headers().firstValue("X-RateLimit-Limit").orElseThrow());
            assertEquals("1", first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            assertTrue(Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow()) >= System.currentTimeMillis() / 1000);
            assertEquals(200, query(gateway, "t1-key").statusCode());
            HttpResponse<String> refused = query(gateway, "t1-key");
            assertEquals(429, refused.statusCode());
            assertTrue(refused.body().contains("RATE_LIMITED"));
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals(429, query(gateway, "t2-key").statusCode(), "the address's own bucket is empty too");
            GatewayFixture.Reply entry = gateway.post("t1-key", "{\"clOrdId\":\"rl\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}");
            assertEquals(201, entry.status(), "order entry has buckets of its own");
        }
    }

    @Test
    void shouldCountAPerMinuteAllowanceBesidesTheBurst() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture(new RateLimits(100, 100, 100, 3, 1_000, 60))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, query(gateway, "t1-key").statusCode());
            }
            HttpResponse<String> refused = query(gateway, "t1-key");
            assertEquals(429, refused.statusCode());
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        }
    }

    @Test
    void shouldBlockAnAddressThatKeepsHittingTheLimit() throws Exception {
        AtomicLong now = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
        try (GatewayFixture gateway = new GatewayFixture(new RateLimits(100, 100, 1, 1_000, 3, 30), now::get)) {
            query(gateway, "t1-key");
            for (int i = 0; i < 3; i++) {
                assertEquals(429, query(gateway, "t1-key").statusCode());
            }
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_100));
            HttpResponse<String> blocked = query(gateway, "t2-key");
            assertEquals(429, blocked.statusCode(), "the bucket has refilled, but the address is blocked");
            assertTrue(blocked.body().contains("blocked"), blocked.body());
            assertTrue(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow()) > 20);
            now.addAndGet(TimeUnit.SECONDS.toNanos(30));
            assertEquals(200, query(gateway, "t2-key").statusCode(), "the block lapses on the gateway's clock, 30 s after it began");
        }
    }

    @Test
    void shouldCreateNoBucketForAKeyThatIsNotAnAccountsKey() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture()) {
            assertEquals(200, query(gateway, "t1-key").statusCode());
            int known = gateway.gateway().rateLimitBuckets();
            for (int i = 0; i < 200; i++) {
                assertEquals(200, query(gateway, "made-up-" + i).statusCode(), "public data needs no key");
                assertEquals(401, gateway.get("made-up-" + i, "/api/v1/positions").status());
            }
            assertEquals(known, gateway.gateway().rateLimitBuckets(), "made-up keys count against the address only");
        }
    }

    private static HttpResponse<String> query(GatewayFixture gateway, String key) throws Exception {
        return gateway.http().send(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/symbols")).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldForgetBucketsIdleForAMinuteSoMadeUpAddressesCannotFillMemory() {
        RateLimits.Buckets buckets = RateLimits.DEMO.buckets(key -> OptionalInt.empty(), 4, EpochClock.system());
        for (int i = 0; i < 1_000; i++) {
            buckets.address("10.0." + i / 256 + "." + i % 256, 0);
        }
        buckets.address("10.9.9.9", 50_000);
        assertEquals(1_001, buckets.size());
        buckets.sweep(60_000);
        assertEquals(1_001, buckets.size(), "a minute is not yet past");
        buckets.sweep(60_001);
        assertEquals(1, buckets.size(), "only the bucket used within the minute is left");
    }
}

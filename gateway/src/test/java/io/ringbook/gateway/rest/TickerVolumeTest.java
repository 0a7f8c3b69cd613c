package io.ringbook.gateway.rest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ticker's 24-hour volume follows the clock, not only the trades: it empties when trading stops. */
class TickerVolumeTest {

    @Test
    void shouldLetTheDaysVolumeLapseWhenNoOneTrades() throws Exception {
        AtomicLong now = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
        try (GatewayFixture gateway = new GatewayFixture(now::get)) {
            gateway.limit("t2-key", "SELL", 105, 4);
            gateway.limit("t1-key", "BUY", 105, 3);
            assertEquals("3", volume(gateway));
            now.addAndGet(TimeUnit.HOURS.toNanos(23));
            assertEquals("3", volume(gateway), "23 hours on, the trade is within the day");
            now.addAndGet(TimeUnit.HOURS.toNanos(2));
            assertEquals("0", volume(gateway), "25 hours on, with no trade since, the day's volume is nothing");
        }
    }

    private static String volume(GatewayFixture gateway) throws Exception {
        return gateway.get(null, "/api/v1/ticker/TEST").body().get("volume24h").asText();
    }
}

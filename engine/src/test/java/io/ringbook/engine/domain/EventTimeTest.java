package io.ringbook.engine.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventTimeTest {

    private static final DateTimeFormatter CONTRACT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void shouldWriteEveryTimeAsTheJdksFormatterDoes() {
        SplittableRandom random = new SplittableRandom(22);
        long[] edges = {0, 1, 999_999_999, 1_000_000_000, 951_782_400_000_000_000L /* 2000-02-29 */, 4_107_542_399_999_999_999L /* 2100-02-28 end */,
                1_796_062_965_123_456_789L, Long.MAX_VALUE, -1, -86_400_000_000_001L, Long.MIN_VALUE};
        for (long nanos : edges) {
            assertEquals(expected(nanos), EventTime.iso(nanos), "at " + nanos);
        }
        for (int i = 0; i < 200_000; i++) {
            long nanos = random.nextLong(0, Long.MAX_VALUE);
            assertEquals(expected(nanos), EventTime.iso(nanos), "at " + nanos);
            assertEquals(nanos, EventTime.parse(EventTime.iso(nanos)));
        }
    }

    private static String expected(long nanos) {
        return CONTRACT.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }
}

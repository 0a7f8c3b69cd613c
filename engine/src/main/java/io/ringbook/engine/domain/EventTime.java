package io.ringbook.engine.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event times (epoch nanoseconds) as the contract writes them: ISO-8601 UTC, 9 fraction digits, {@code Z}. */
public final class EventTime {

    private static final DateTimeFormatter ISO_NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EventTime() {
    }

    public static String iso(long epochNanos) {
        return ISO_NANOS.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND)));
    }

    /** Parses ISO-8601 UTC ({@code 2026-11-23T10:00:00Z}, any fraction) or plain epoch nanoseconds. */
    public static long parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(trimmed);
        }
        Instant instant = Instant.parse(trimmed);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }
}

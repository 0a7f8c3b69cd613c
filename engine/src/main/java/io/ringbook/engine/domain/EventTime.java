package io.ringbook.engine.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event times (epoch nanoseconds) as the contract writes them: ISO-8601 UTC, 9 fraction digits, {@code Z}. */
public final class EventTime {

    private static final DateTimeFormatter ISO_NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int ISO_LENGTH = 30;

    private EventTime() {
    }

    /**
     * Written digit by digit from 1970 on (every time a long holds, up to 2262; every answer and stream frame carries
     * one or two of these times, and the JDK's formatter cost more than the rest of an order's
     * rendering); other times through the formatter, with the same result.
     */
    public static String iso(long epochNanos) {
        if (epochNanos < 0) {
            return ISO_NANOS.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                    Math.floorMod(epochNanos, NANOS_PER_SECOND)));
        }
        long seconds = epochNanos / NANOS_PER_SECOND;
        int nanos = (int) (epochNanos % NANOS_PER_SECOND);
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), for days >= 0
        long z = seconds / SECONDS_PER_DAY + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        byte[] text = new byte[ISO_LENGTH];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, nanos, 9);
        text[29] = 'Z';
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** Writes {@code value} as {@code count} decimal digits, zero-padded, at {@code at}. */
    private static void digits(byte[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
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

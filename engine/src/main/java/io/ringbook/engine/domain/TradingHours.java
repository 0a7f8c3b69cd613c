package io.ringbook.engine.domain;

import java.time.DayOfWeek;
import java.util.Locale;

/**
 * When a symbol trades, in UTC and event time: always ({@code 24/7}), or one session a
 * day on some weekdays ({@code MON-FRI 14:30-21:00}). Sessions do not span midnight.
 * Outside a session new orders are refused {@code MARKET_CLOSED}; DAY orders expire at
 * the end of the session they were entered in (at UTC midnight for a 24/7 symbol).
 *
 * @param weekdays    bit {@code d} set for ISO day-of-week {@code d+1} (bit 0 Monday); 0x7F for always
 * @param openMinute  first minute of the session, 0..1439
 * @param closeMinute minute the session ends (exclusive), openMinute+1..1440
 */
public record TradingHours(int weekdays, int openMinute, int closeMinute) {

    public static final TradingHours ALWAYS = new TradingHours(0x7F, 0, 1440);

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_DAY = 1440 * NANOS_PER_MINUTE;
    /** 1970-01-01, epoch day 0, was a Thursday: ISO day 4, bit 3. */
    private static final int EPOCH_DAY_BIT = 3;

    public TradingHours {
        if (weekdays <= 0 || weekdays > 0x7F || openMinute < 0 || closeMinute > 1440 || closeMinute <= openMinute) {
            throw new IllegalArgumentException("invalid trading hours: days " + weekdays + ", " + openMinute + "-" + closeMinute);
        }
    }

    public boolean isAlways() {
        return weekdays == 0x7F && openMinute == 0 && closeMinute == 1440;
    }

    public boolean isOpen(long nanos) {
        if (isAlways()) {
            return true;
        }
        long day = Math.floorDiv(nanos, NANOS_PER_DAY);
        int dayBit = (int) Math.floorMod(day + EPOCH_DAY_BIT, 7L);
        long minute = Math.floorMod(nanos, NANOS_PER_DAY) / NANOS_PER_MINUTE;
        return (weekdays & (1 << dayBit)) != 0 && minute >= openMinute && minute < closeMinute;
    }

    /** Where the session containing {@code nanos} ends: the time DAY orders entered then expire. */
    public long sessionEnd(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_DAY) * NANOS_PER_DAY + closeMinute * NANOS_PER_MINUTE;
    }

    /** Parses {@code 24/7}, or days and a window: {@code MON-FRI 14:30-21:00}, {@code SAT,SUN 10:00-12:00}. */
    public static TradingHours parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("24/7")) {
            return ALWAYS;
        }
        String[] parts = trimmed.split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("trading hours must be 24/7 or 'DAYS HH:MM-HH:MM': " + text);
        }
        int days = 0;
        for (String item : parts[0].split(",")) {
            String[] range = item.split("-");
            int from = day(range[0]);
            int to = range.length == 2 ? day(range[1]) : from;
            if (range.length > 2 || to < from) {
                throw new IllegalArgumentException("bad day range " + item + " in " + text);
            }
            for (int d = from; d <= to; d++) {
                days |= 1 << d;
            }
        }
        String[] window = parts[1].split("-");
        if (window.length != 2) {
            throw new IllegalArgumentException("bad session window in " + text);
        }
        return new TradingHours(days, minute(window[0]), minute(window[1]));
    }

    @Override
    public String toString() {
        if (isAlways()) {
            return "24/7";
        }
        StringBuilder text = new StringBuilder();
        int d = 0;
        while (d < 7) {
            if ((weekdays & (1 << d)) == 0) {
                d++;
                continue;
            }
            int end = d;
            while (end + 1 < 7 && (weekdays & (1 << (end + 1))) != 0) {
                end++;
            }
            text.append(text.length() == 0 ? "" : ",").append(dayName(d));
            if (end > d) {
                text.append('-').append(dayName(end));
            }
            d = end + 1;
        }
        return text.append(' ').append(clock(openMinute)).append('-').append(clock(closeMinute)).toString();
    }

    private static int day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayName(day.ordinal()).equals(name.toUpperCase(Locale.ROOT))) {
                return day.ordinal();
            }
        }
        throw new IllegalArgumentException("unknown day " + name);
    }

    private static String dayName(int index) {
        return DayOfWeek.of(index + 1).name().substring(0, 3);
    }

    private static int minute(String clock) {
        String[] hm = clock.split(":");
        if (hm.length != 2 || hm[0].length() != 2 || hm[1].length() != 2) {
            throw new IllegalArgumentException("bad time " + clock + ", expected HH:MM");
        }
        int hours = Integer.parseInt(hm[0]);
        int minutes = Integer.parseInt(hm[1]);
        if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) {
            throw new IllegalArgumentException("bad time " + clock);
        }
        return hours * 60 + minutes;
    }

    private static String clock(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}

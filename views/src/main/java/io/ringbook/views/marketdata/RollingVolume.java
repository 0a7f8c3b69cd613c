package io.ringbook.views.marketdata;

import io.ringbook.engine.state.StateBuffer;

import java.util.Arrays;

/**
 * The quantity traded in the last 24 hours, in 1,440 buckets of one UTC minute: fixed
 * memory however busy the day, exact to the minute. The window is the current minute
 * and the 1,439 before it; it moves with trades and with the clock at every read, so
 * the volume lapses when trading stops. Time never goes backwards here: a trade stamped
 * before the window's start (it cannot be, short of clocks disagreeing by a day) is
 * not counted.
 */
final class RollingVolume {

    private static final int MINUTES = 1440;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final long[] byMinute = new long[MINUTES];
    private long lastMinute = Long.MIN_VALUE;
    private long total;

    void add(long timeNanos, long qty) {
        long minute = Math.floorDiv(timeNanos, NANOS_PER_MINUTE);
        if (minute > lastMinute) {
            advanceTo(minute);
        } else if (minute <= lastMinute - MINUTES) {
            return;
        }
        byMinute[(int) Math.floorMod(minute, MINUTES)] += qty;
        total += qty;
    }

    /** The volume of the 1,440 minutes up to and including the minute of {@code nowNanos}. */
    long total(long nowNanos) {
        long minute = Math.floorDiv(nowNanos, NANOS_PER_MINUTE);
        if (minute > lastMinute) {
            advanceTo(minute);
        }
        return total;
    }

    void writeTo(StateBuffer out) {
        out.putLong(lastMinute);
        out.putLong(total);
        for (long qty : byMinute) {
            out.putLong(qty);
        }
    }

    void readFrom(StateBuffer in) {
        lastMinute = in.getLong();
        total = in.getLong();
        for (int i = 0; i < MINUTES; i++) {
            byMinute[i] = in.getLong();
        }
    }

    /** Empties the buckets of the minutes that leave the window as it moves up to {@code minute}. */
    private void advanceTo(long minute) {
        if (lastMinute == Long.MIN_VALUE || minute - lastMinute >= MINUTES) {
            Arrays.fill(byMinute, 0);
            total = 0;
        } else {
            for (long m = lastMinute + 1; m <= minute; m++) {
                int slot = (int) Math.floorMod(m, MINUTES);
                total -= byMinute[slot];
                byMinute[slot] = 0;
            }
        }
        lastMinute = minute;
    }
}

package io.ringbook.views.orders;

import io.ringbook.engine.event.EngineEvent;

/**
 * Keeps read models of orders from growing without end: they hold every open order, but
 * done orders (and fills) only from the current and the previous UTC day of event time
 * (clOrdIds are unique per trading day, so a resend never needs an older one). Read
 * models ask it, for each event, whether a day has just begun and so whether to forget
 * what is older; that pass runs once a day, on the outbound thread. Older orders are in
 * the journal ({@code ringbook journal}, the admin API's audit query).
 */
public final class DayRoll {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private long day = Long.MIN_VALUE;

    /** The first day still to keep if this event begins a new day, else {@link Long#MIN_VALUE} (nothing to forget). */
    public long keepFromIfRolled(EngineEvent event) {
        long today = day(event.eventTimeNanos);
        if (today <= day) {
            return Long.MIN_VALUE;
        }
        boolean first = day == Long.MIN_VALUE;
        day = today;
        return first ? Long.MIN_VALUE : today - 1;
    }

    /** Whether an order last reported at {@code state} is done and from before {@code keepFromDay}. */
    public static boolean forgettable(EngineEvent state, long keepFromDay) {
        return (state.status == null || !state.status.isOpen()) && olderThan(state, keepFromDay);
    }

    /** Whether an event (a fill) is from before {@code keepFromDay}. */
    public static boolean olderThan(EngineEvent event, long keepFromDay) {
        return day(event.eventTimeNanos) < keepFromDay;
    }

    private static long day(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_DAY);
    }
}

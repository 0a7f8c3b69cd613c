package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.StateBuffer;

import java.util.Arrays;

/**
 * ClOrdIds of accounts, each with the orderId it went to: open addressing over one
 * primitive array, eight longs a slot (the account and length, the five packed words of
 * the id, the orderId, the day it was used), so a probe reads one or two cache lines and
 * a lookup allocates nothing. Grows at half load.
 *
 * <p>Used two ways. As the day's uniqueness index it only grows, and a slot of an
 * earlier day counts as free, so a new day starts in O(1) instead of clearing the table
 * (load counts today's entries only). As the index of live orders' current clOrdIds it
 * never starts a new day, and {@link #remove} takes out an order that is done or renamed.
 */
public final class ClOrdIdIndex {

    private static final int STRIDE = 8;
    private static final int ORDER_ID = 6;
    private static final int DAY = 7;

    private long[] table;
    private int slots;
    private int size;
    private long day = 1;

    public ClOrdIdIndex(int initialCapacity) {
        allocate(Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1);
    }

    /** The orderId the account's clOrdId went to today, or 0. */
    public long find(int accountId, ClOrdId id) {
        long head = head(accountId, id);
        int mask = slots - 1;
        for (int slot = hash(head, id.word(0), id.word(1), id.word(2), id.word(3), id.word(4)) & mask; ;
             slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            if (!live(at)) {
                return 0;
            }
            long orderId = table[at + ORDER_ID];
            if (table[at] == head && table[at + 1] == id.word(0) && table[at + 2] == id.word(1)
                    && table[at + 3] == id.word(2) && table[at + 4] == id.word(3) && table[at + 5] == id.word(4)) {
                return orderId;
            }
        }
    }

    /** Records that the account's clOrdId went to {@code orderId}; the caller has checked it is new. */
    public void put(int accountId, ClOrdId id, long orderId) {
        if (2 * (size + 1) > slots) {
            grow();
        }
        insert(head(accountId, id), id.word(0), id.word(1), id.word(2), id.word(3), id.word(4), orderId);
    }

    /**
     * Forgets the account's clOrdId if it goes to {@code orderId} (backward-shift deletion,
     * no tombstones); only for an index that never starts a new day.
     */
    public void remove(int accountId, ClOrdId id, long orderId) {
        long head = head(accountId, id);
        int mask = slots - 1;
        int slot = hash(head, id.word(0), id.word(1), id.word(2), id.word(3), id.word(4)) & mask;
        for (; live(slot * STRIDE); slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            if (table[at + ORDER_ID] == orderId && table[at] == head && table[at + 1] == id.word(0)
                    && table[at + 2] == id.word(1) && table[at + 3] == id.word(2) && table[at + 4] == id.word(3)
                    && table[at + 5] == id.word(4)) {
                shiftBackInto(slot);
                size--;
                return;
            }
        }
    }

    /** Fills the emptied slot {@code hole} with later entries of its probe run that may move there, then frees the last. */
    private void shiftBackInto(int hole) {
        int mask = slots - 1;
        for (int next = (hole + 1) & mask; live(next * STRIDE); next = (next + 1) & mask) {
            int at = next * STRIDE;
            int home = hash(table[at], table[at + 1], table[at + 2], table[at + 3], table[at + 4], table[at + 5]) & mask;
            boolean staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut) {
                System.arraycopy(table, at, table, hole * STRIDE, STRIDE);
                hole = next;
            }
        }
        Arrays.fill(table, hole * STRIDE, hole * STRIDE + STRIDE, 0L);
    }

    /** Starts a new trading day: every id used so far is forgotten. */
    public void startNewDay() {
        day++;
        size = 0;
    }

    public int size() {
        return size;
    }

    public void writeTo(StateBuffer out) {
        out.putInt(size);
        for (int at = 0; at < table.length; at += STRIDE) {
            if (live(at)) {
                for (int i = 0; i <= ORDER_ID; i++) {
                    out.putLong(table[at + i]);
                }
            }
        }
    }

    /** Reads what {@link #writeTo} wrote into an empty index. */
    public void readFrom(StateBuffer in) {
        int entries = in.getInt();
        for (int i = 0; i < entries; i++) {
            if (2 * (size + 1) > slots) {
                grow();
            }
            insert(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
        }
    }

    private void insert(long head, long w0, long w1, long w2, long w3, long w4, long orderId) {
        int mask = slots - 1;
        int slot = hash(head, w0, w1, w2, w3, w4) & mask;
        while (live(slot * STRIDE)) {
            slot = (slot + 1) & mask;
        }
        int at = slot * STRIDE;
        table[at] = head;
        table[at + 1] = w0;
        table[at + 2] = w1;
        table[at + 3] = w2;
        table[at + 4] = w3;
        table[at + 5] = w4;
        table[at + ORDER_ID] = orderId;
        table[at + DAY] = day;
        size++;
    }

    private void grow() {
        long[] old = table;
        allocate(slots * 2);
        size = 0;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + ORDER_ID] != 0 && old[at + DAY] == day) {
                insert(old[at], old[at + 1], old[at + 2], old[at + 3], old[at + 4], old[at + 5], old[at + ORDER_ID]);
            }
        }
    }

    private boolean live(int at) {
        return table[at + ORDER_ID] != 0 && table[at + DAY] == day;
    }

    private void allocate(int slotCount) {
        slots = slotCount;
        table = new long[slotCount * STRIDE];
    }

    private static long head(int accountId, ClOrdId id) {
        return ((long) accountId << 8) | id.length();
    }

    private static int hash(long head, long w0, long w1, long w2, long w3, long w4) {
        long h = head * 0x9E3779B97F4A7C15L;
        h = (h ^ w0) * 0x9E3779B97F4A7C15L;
        h = (h ^ w1) * 0x9E3779B97F4A7C15L;
        h = (h ^ w2) * 0x9E3779B97F4A7C15L;
        h = (h ^ w3) * 0x9E3779B97F4A7C15L;
        h = (h ^ w4) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}

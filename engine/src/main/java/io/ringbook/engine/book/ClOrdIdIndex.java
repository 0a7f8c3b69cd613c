package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.StateBuffer;

import java.util.Arrays;

/**
 * The clOrdIds an account has used today, each with the orderId it went to: open
 * addressing over primitive arrays (the account and length in one long, the five packed
 * words of the id in five more), so a lookup allocates nothing. Grows at half load.
 */
public final class ClOrdIdIndex {

    private long[] head;
    private long[][] words;
    private long[] orderIds;
    private int size;

    public ClOrdIdIndex(int initialCapacity) {
        allocate(Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1);
    }

    /** The orderId the account's clOrdId went to today, or 0. */
    public long find(int accountId, ClOrdId id) {
        long key = head(accountId, id);
        int mask = orderIds.length - 1;
        for (int slot = hash(key, id) & mask; orderIds[slot] != 0; slot = (slot + 1) & mask) {
            if (head[slot] == key && sameWords(slot, id)) {
                return orderIds[slot];
            }
        }
        return 0;
    }

    /** Records that the account's clOrdId went to {@code orderId}; the caller has checked it is new. */
    public void put(int accountId, ClOrdId id, long orderId) {
        if (2 * (size + 1) > orderIds.length) {
            grow();
        }
        insert(head(accountId, id), id.word(0), id.word(1), id.word(2), id.word(3), id.word(4), orderId);
    }

    /** Forgets every id (the trading day rolled). */
    public void clear() {
        Arrays.fill(head, 0);
        for (long[] column : words) {
            Arrays.fill(column, 0);
        }
        Arrays.fill(orderIds, 0);
        size = 0;
    }

    public int size() {
        return size;
    }

    public void writeTo(StateBuffer out) {
        out.putInt(size);
        for (int slot = 0; slot < orderIds.length; slot++) {
            if (orderIds[slot] != 0) {
                out.putLong(head[slot]);
                for (long[] column : words) {
                    out.putLong(column[slot]);
                }
                out.putLong(orderIds[slot]);
            }
        }
    }

    /** Reads what {@link #writeTo} wrote into an empty index. */
    public void readFrom(StateBuffer in) {
        int entries = in.getInt();
        for (int i = 0; i < entries; i++) {
            if (2 * (size + 1) > orderIds.length) {
                grow();
            }
            insert(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
        }
    }

    private void insert(long key, long w0, long w1, long w2, long w3, long w4, long orderId) {
        int mask = orderIds.length - 1;
        int slot = hash(key, w0, w1, w2, w3, w4) & mask;
        while (orderIds[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        head[slot] = key;
        words[0][slot] = w0;
        words[1][slot] = w1;
        words[2][slot] = w2;
        words[3][slot] = w3;
        words[4][slot] = w4;
        orderIds[slot] = orderId;
        size++;
    }

    private void grow() {
        long[] oldHead = head;
        long[][] oldWords = words;
        long[] oldIds = orderIds;
        allocate(oldIds.length * 2);
        size = 0;
        for (int slot = 0; slot < oldIds.length; slot++) {
            if (oldIds[slot] != 0) {
                insert(oldHead[slot], oldWords[0][slot], oldWords[1][slot], oldWords[2][slot], oldWords[3][slot],
                        oldWords[4][slot], oldIds[slot]);
            }
        }
    }

    private void allocate(int capacity) {
        head = new long[capacity];
        words = new long[5][capacity];
        orderIds = new long[capacity];
    }

    private boolean sameWords(int slot, ClOrdId id) {
        for (int i = 0; i < 5; i++) {
            if (words[i][slot] != id.word(i)) {
                return false;
            }
        }
        return true;
    }

    private static long head(int accountId, ClOrdId id) {
        return ((long) accountId << 8) | id.length();
    }

    private static int hash(long key, ClOrdId id) {
        return hash(key, id.word(0), id.word(1), id.word(2), id.word(3), id.word(4));
    }

    private static int hash(long key, long w0, long w1, long w2, long w3, long w4) {
        long h = key * 0x9E3779B97F4A7C15L;
        h = (h ^ w0) * 0x9E3779B97F4A7C15L;
        h = (h ^ w1) * 0x9E3779B97F4A7C15L;
        h = (h ^ w2) * 0x9E3779B97F4A7C15L;
        h = (h ^ w3) * 0x9E3779B97F4A7C15L;
        h = (h ^ w4) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}

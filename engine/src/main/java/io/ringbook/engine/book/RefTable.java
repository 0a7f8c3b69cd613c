package io.ringbook.engine.book;

import java.util.function.Consumer;

/**
 * Objects under a key their own fields hold, in an open-addressing table that keeps no
 * keys: per slot a reference and the low 32 bits of the key's hash (linear probing,
 * removal by backward shift, so no tombstones). Eight bytes a slot, about sixteen an
 * entry, where a map from a long key to the object costs a key, a reference and their
 * slack (about 24 bytes an entry at a million), and an index that copies the key (a
 * clOrdId's words) costs that copy too. The caller hashes the key (well mixed: the low
 * bits pick the slot) and confirms a match on the object's own fields: a lookup walks
 * {@link #first} and {@link #next} until {@link #empty}, comparing what {@link #at}
 * returns for its hash. A probe reads the hashes alone (0 marks an empty slot; a key
 * hashing to 0 is kept as 1) and a reference only where they match, and growth and
 * removal move slots by their hashes, so the table touches no entry but the one a
 * lookup finds, and one cache line of hashes for a key it does not hold. Grows by doubling past
 * {@value #LOAD_PERCENT}% full (the only time it allocates); one writer, and readers
 * under the owner's lock if any.
 *
 * @param <T> what it holds
 */
public final class RefTable<T> {

    private static final int LOAD_PERCENT = 65;

    private Object[] slots;
    private int[] hashes;
    private int mask;
    private int size;

    /** @param capacity slots to start with, rounded up to a power of two */
    public RefTable(int capacity) {
        slots = new Object[Integer.highestOneBit(Math.max(16, capacity) - 1) << 1];
        hashes = new int[slots.length];
        mask = slots.length - 1;
    }

    /**
     * A hash of a long key such as an orderId, for the tables keyed by one: orderIds are
     * consecutive, so a multiplicative hash spreads them, its high half folded into the low
     * bits that pick the slot.
     */
    public static long hashOfLong(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return h ^ h >>> 32;
    }

    /** Where a lookup for a key of this hash starts. */
    public int first(long keyHash) {
        return stored(keyHash) & mask;
    }

    /** The slot after {@code index}, wrapping round. */
    public int next(int index) {
        return (index + 1) & mask;
    }

    /** Whether a lookup ends at this slot (it is empty). */
    public boolean empty(int index) {
        return hashes[index] == 0;
    }

    /** What a slot holds if its key's hash may be {@code keyHash}, else null. */
    @SuppressWarnings("unchecked")
    public T at(int index, long keyHash) {
        return hashes[index] == stored(keyHash) ? (T) slots[index] : null;
    }

    /** Adds an entry whose key no entry in the table holds. */
    public void add(T entry, long keyHash) {
        if (++size * 100L > (long) slots.length * LOAD_PERCENT) {
            grow();
        }
        place(entry, stored(keyHash));
    }

    /** Puts an entry in the slot of the one it replaces (same key, so same hash). */
    public void replace(int index, T entry) {
        slots[index] = entry;
    }

    /** Takes out this very entry (found by reference) under its key's hash, if in the table. */
    public void remove(T entry, long keyHash) {
        int stored = stored(keyHash);
        for (int i = first(keyHash); hashes[i] != 0; i = next(i)) {
            if (hashes[i] == stored && slots[i] == entry) {
                removeAt(i);
                return;
            }
        }
    }

    public int size() {
        return size;
    }

    /** Every entry, in no particular order. */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<T> action) {
        for (Object entry : slots) {
            if (entry != null) {
                action.accept((T) entry);
            }
        }
    }

    private void removeAt(int hole) {
        size--;
        for (int i = next(hole); hashes[i] != 0; i = next(i)) {
            int home = hashes[i] & mask;
            // an entry may fill the hole unless its home lies cyclically after the hole, up to where it is
            boolean staysPut = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!staysPut) {
                slots[hole] = slots[i];
                hashes[hole] = hashes[i];
                hole = i;
            }
        }
        slots[hole] = null;
        hashes[hole] = 0;
    }

    /** The hash as a slot keeps it: its low 32 bits, 1 for 0 (which marks an empty slot). */
    private static int stored(long keyHash) {
        int low = (int) keyHash;
        return low == 0 ? 1 : low;
    }

    private void place(Object entry, int keyHash) {
        int i = keyHash & mask;
        while (hashes[i] != 0) {
            i = next(i);
        }
        slots[i] = entry;
        hashes[i] = keyHash;
    }

    private void grow() {
        Object[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new Object[oldSlots.length * 2];
        hashes = new int[slots.length];
        mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldHashes[i] != 0) {
                place(oldSlots[i], oldHashes[i]);
            }
        }
    }
}

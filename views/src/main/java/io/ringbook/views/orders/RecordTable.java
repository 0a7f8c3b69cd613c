package io.ringbook.views.orders;

import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Kept orders in an open-addressing table under a key the orders' own fields hold
 * (linear probing, removal by backward shift, so no tombstones): per slot a reference and
 * the low 32 bits of the key's hash, eight bytes a slot and about sixteen an order, where
 * a primitive map from a long key to the order costs a key, a reference and their slack
 * (about 24 bytes an order at a million). A probe compares the hashes and reads an order
 * only where they match, and growth and removal move slots by their hashes alone, so the
 * outbound thread does not touch the orders to move them. A lookup walks {@link #first}
 * and {@link #next} until a null slot, comparing the orders {@link #at} returns for its
 * hash. Grows by doubling past {@value #LOAD_PERCENT}% full. Guarded by the owning view's lock.
 */
final class RecordTable {

    private static final int LOAD_PERCENT = 65;

    private final ToLongFunction<OrderRecord> hash;
    private OrderRecord[] slots = new OrderRecord[1024];
    private int[] hashes = new int[slots.length];
    private int mask = slots.length - 1;
    private int size;

    /** @param hash a well-mixed hash of an order's key (its low bits pick the slot) */
    RecordTable(ToLongFunction<OrderRecord> hash) {
        this.hash = hash;
    }

    /** Where a lookup for a key of this hash starts. */
    int first(long keyHash) {
        return (int) keyHash & mask;
    }

    /** The slot after {@code index}, wrapping round. */
    int next(int index) {
        return (index + 1) & mask;
    }

    /** Whether a lookup ends at this slot (it is empty). */
    boolean empty(int index) {
        return slots[index] == null;
    }

    /** The order in a slot if its key's hash may be {@code keyHash}, else null. */
    OrderRecord at(int index, long keyHash) {
        return hashes[index] == (int) keyHash ? slots[index] : null;
    }

    /** Adds an order whose key no order in the table holds. */
    void add(OrderRecord order) {
        if (++size * 100L > (long) slots.length * LOAD_PERCENT) {
            grow();
        }
        place(order, (int) hash.applyAsLong(order));
    }

    /** Puts an order in the slot of the one it replaces (same key). */
    void replace(int index, OrderRecord order) {
        slots[index] = order;
    }

    /** Takes out this very order (found by reference), if in the table. */
    void remove(OrderRecord order) {
        for (int i = first(hash.applyAsLong(order)); slots[i] != null; i = next(i)) {
            if (slots[i] == order) {
                removeAt(i);
                return;
            }
        }
    }

    /** Every order in the table, in no particular order. */
    void forEach(Consumer<OrderRecord> action) {
        for (OrderRecord order : slots) {
            if (order != null) {
                action.accept(order);
            }
        }
    }

    /** A strong 64-bit finalizer (SplitMix64's), for the keys' hashes. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void removeAt(int hole) {
        slots[hole] = null;
        size--;
        for (int i = next(hole); slots[i] != null; i = next(i)) {
            int home = hashes[i] & mask;
            // an order may fill the hole unless its home lies cyclically after the hole, up to where it is
            boolean staysPut = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!staysPut) {
                slots[hole] = slots[i];
                hashes[hole] = hashes[i];
                slots[i] = null;
                hole = i;
            }
        }
    }

    private void place(OrderRecord order, int keyHash) {
        int i = keyHash & mask;
        while (slots[i] != null) {
            i = next(i);
        }
        slots[i] = order;
        hashes[i] = keyHash;
    }

    private void grow() {
        OrderRecord[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new OrderRecord[oldSlots.length * 2];
        hashes = new int[slots.length];
        mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != null) {
                place(oldSlots[i], oldHashes[i]);
            }
        }
    }
}

package io.ringbook.views.orders;

import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Kept orders in an open-addressing table of references under a key the orders' own
 * fields hold (linear probing, removal by backward shift, so no tombstones): four bytes a
 * slot, about eight an order, where a primitive map from a long key to the order costs a
 * key, a reference and their slack (about 24 bytes an order at a million). The table
 * keeps no keys: a lookup walks {@link #first} and {@link #next} until a null slot,
 * comparing the orders it meets. Grows by doubling past {@value #LOAD_PERCENT}% full.
 * Guarded by the owning view's lock.
 */
final class RecordTable {

    private static final int LOAD_PERCENT = 65;

    private final ToLongFunction<OrderRecord> hash;
    private OrderRecord[] slots = new OrderRecord[1024];
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

    /** The order in a slot, null where a lookup ends. */
    OrderRecord at(int index) {
        return slots[index];
    }

    /** Adds an order whose key no order in the table holds. */
    void add(OrderRecord order) {
        if (++size * 100L > (long) slots.length * LOAD_PERCENT) {
            grow();
        }
        place(order);
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
            int home = first(hash.applyAsLong(slots[i]));
            // an order may fill the hole unless its home lies cyclically after the hole, up to where it is
            boolean staysPut = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!staysPut) {
                slots[hole] = slots[i];
                slots[i] = null;
                hole = i;
            }
        }
    }

    private void place(OrderRecord order) {
        int i = first(hash.applyAsLong(order));
        while (slots[i] != null) {
            i = next(i);
        }
        slots[i] = order;
    }

    private void grow() {
        OrderRecord[] old = slots;
        slots = new OrderRecord[old.length * 2];
        mask = slots.length - 1;
        for (OrderRecord order : old) {
            if (order != null) {
                place(order);
            }
        }
    }
}

package io.ringbook.engine.book;

/**
 * The open orders by orderId: an open-addressing table of references that holds no keys
 * (the orders' own orderIds confirm a match), linear probing, removal by backward shift
 * (no tombstones). Four bytes a slot, about eight an open order, where a map from a long
 * key to the order took a key, a reference and their slack (about 24 bytes an order at a
 * million). Grows by doubling past {@value #LOAD_PERCENT}% full, as the map did; nothing
 * allocated otherwise.
 */
final class OrdersById {

    private static final int LOAD_PERCENT = 65;

    private Order[] slots;
    private int mask;
    private int size;

    /** @param capacity slots to start with, rounded up to a power of two */
    OrdersById(int capacity) {
        slots = new Order[Integer.highestOneBit(Math.max(16, capacity) - 1) << 1];
        mask = slots.length - 1;
    }

    /** Adds an order whose orderId is not in the table. */
    void add(Order order) {
        if (++size * 100L > (long) slots.length * LOAD_PERCENT) {
            grow();
        }
        place(order);
    }

    /** The order with this id, or null. */
    Order get(long orderId) {
        for (int i = home(orderId); slots[i] != null; i = (i + 1) & mask) {
            if (slots[i].orderId == orderId) {
                return slots[i];
            }
        }
        return null;
    }

    /** Takes this very order out, if in the table. */
    void remove(Order order) {
        for (int i = home(order.orderId); slots[i] != null; i = (i + 1) & mask) {
            if (slots[i] == order) {
                removeAt(i);
                return;
            }
        }
    }

    int size() {
        return size;
    }

    private void removeAt(int hole) {
        slots[hole] = null;
        size--;
        for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
            int home = home(slots[i].orderId);
            // an order may fill the hole unless its home lies cyclically after the hole, up to where it is
            boolean staysPut = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!staysPut) {
                slots[hole] = slots[i];
                slots[i] = null;
                hole = i;
            }
        }
    }

    private void place(Order order) {
        int i = home(order.orderId);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = order;
    }

    private void grow() {
        Order[] old = slots;
        slots = new Order[old.length * 2];
        mask = slots.length - 1;
        for (Order order : old) {
            if (order != null) {
                place(order);
            }
        }
    }

    /** orderIds are consecutive: a multiplicative hash spreads them over the table (its high bits, folded down). */
    private int home(long orderId) {
        long h = orderId * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }
}

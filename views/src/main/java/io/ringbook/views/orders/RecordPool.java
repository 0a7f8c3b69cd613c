package io.ringbook.views.orders;

/**
 * Records of orders no longer kept, handed to new orders: once {@code keptDone} orders
 * are done, each new done order pushes the oldest out of memory, and its record (with its
 * extra words) serves the next new order instead of a new object. Without it each order's
 * record lived through several young collections (65,536 done orders' time: 13 s at
 * 5,000 orders/s), copied by each, which set the paced REST tail (docs/TUNING.md, "GC and
 * heap"). At most {@value #CAPACITY} spare records are held; more are left to the collector.
 * Guarded by the owning view's lock.
 */
final class RecordPool {

    static final int CAPACITY = 1024;

    private final OrderRecord[] spare = new OrderRecord[CAPACITY];
    private int count;

    /** A blank record for {@code orderId}: a spare one if there is one, else a new one. */
    OrderRecord take(long orderId) {
        if (count == 0) {
            return new OrderRecord(orderId);
        }
        OrderRecord record = spare[--count];
        spare[count] = null;
        record.reuse(orderId);
        return record;
    }

    /** Takes back a record that nothing refers to any more (no index, no list, no ring). */
    void give(OrderRecord record) {
        if (count < CAPACITY) {
            spare[count++] = record;
        }
    }

    /** Spare records held now. */
    int spare() {
        return count;
    }
}

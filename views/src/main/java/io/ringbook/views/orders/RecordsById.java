package io.ringbook.views.orders;

import java.util.function.Consumer;

/** The kept orders by orderId: a {@link RecordTable} (about 16 bytes an order). Guarded by the owning view's lock. */
final class RecordsById {

    private final RecordTable table = new RecordTable(order -> RecordTable.mix(order.orderId));

    /** Adds an order whose orderId is not kept yet. */
    void add(OrderRecord order) {
        table.add(order);
    }

    OrderRecord get(long orderId) {
        long hash = RecordTable.mix(orderId);
        for (int i = table.first(hash); !table.empty(i); i = table.next(i)) {
            OrderRecord there = table.at(i, hash);
            if (there != null && there.orderId == orderId) {
                return there;
            }
        }
        return null;
    }

    /** Forgets this very order (found by reference), if kept. */
    void remove(OrderRecord order) {
        table.remove(order);
    }

    /** Every kept order, in no particular order. */
    void forEach(Consumer<OrderRecord> action) {
        table.forEach(action);
    }
}

package io.ringbook.views.orders;

import java.util.function.Consumer;

/** The kept orders by orderId: a {@link RecordTable} (about 8 bytes an order). Guarded by the owning view's lock. */
final class RecordsById {

    private final RecordTable table = new RecordTable(order -> RecordTable.mix(order.orderId));

    /** Adds an order whose orderId is not kept yet. */
    void add(OrderRecord order) {
        table.add(order);
    }

    OrderRecord get(long orderId) {
        for (int i = table.first(RecordTable.mix(orderId)); table.at(i) != null; i = table.next(i)) {
            if (table.at(i).orderId == orderId) {
                return table.at(i);
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

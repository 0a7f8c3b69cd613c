package io.ringbook.views.orders;

import io.ringbook.engine.book.RefTable;

import java.util.function.Consumer;

/** The kept orders by orderId: a {@link RefTable} (about 16 bytes an order, no key kept). Guarded by the owning view's lock. */
final class RecordsById {

    private final RefTable<OrderRecord> table = new RefTable<>(1024);

    /** Adds an order whose orderId is not kept yet. */
    void add(OrderRecord order) {
        table.add(order, RefTable.hashOfLong(order.orderId));
    }

    OrderRecord get(long orderId) {
        long hash = RefTable.hashOfLong(orderId);
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
        table.remove(order, RefTable.hashOfLong(order.orderId));
    }

    /** Every kept order, in no particular order. */
    void forEach(Consumer<OrderRecord> action) {
        table.forEach(action);
    }
}

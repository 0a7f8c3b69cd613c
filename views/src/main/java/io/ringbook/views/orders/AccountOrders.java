package io.ringbook.views.orders;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.function.Consumer;

/**
 * Each account's open orders, oldest first, in a list linked through the orders
 * themselves ({@link OrderRecord#older}, {@link OrderRecord#newer}): two references an
 * order, nothing allocated per order, O(1) to add and remove, newest first by walking
 * from the tail. Orders are added as they are first reported, so in orderId order.
 * Guarded by the owning view's lock.
 */
final class AccountOrders {

    private final Int2ObjectHashMap<OrderRecord> newest = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<OrderRecord> oldest = new Int2ObjectHashMap<>();

    void add(OrderRecord order) {
        OrderRecord tail = newest.get(order.accountId);
        order.older = tail;
        order.newer = null;
        if (tail == null) {
            oldest.put(order.accountId, order);
        } else {
            tail.newer = order;
        }
        newest.put(order.accountId, order);
    }

    void remove(OrderRecord order) {
        if (order.older == null) {
            if (order.newer == null) {
                oldest.remove(order.accountId);
            } else {
                oldest.put(order.accountId, order.newer);
            }
        } else {
            order.older.newer = order.newer;
        }
        if (order.newer == null) {
            if (order.older == null) {
                newest.remove(order.accountId);
            } else {
                newest.put(order.accountId, order.older);
            }
        } else {
            order.newer.older = order.older;
        }
        order.older = null;
        order.newer = null;
    }

    /** Every account's open orders, each account's oldest first (so in orderId order): the order a snapshot keeps. */
    void oldestFirst(Consumer<OrderRecord> action) {
        for (OrderRecord first : oldest.values()) {
            for (OrderRecord order = first; order != null; order = order.newer) {
                action.accept(order);
            }
        }
    }

    /** The account's open orders, newest first. */
    void newestFirst(int accountId, Consumer<OrderRecord> action) {
        for (OrderRecord order = newest.get(accountId); order != null; order = order.older) {
            action.accept(order);
        }
    }
}

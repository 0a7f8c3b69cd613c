package io.ringbook.engine.logic;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.OrderBook;
import io.ringbook.engine.book.OrderStore;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.domain.Side;

/**
 * The books and the store of live orders seen as one, with the reporting that every
 * change of them owes: an order taken off a book always yields its execution report.
 * Market data is not reported here: the depth book is derived from the order events
 * outside the business logic (the views' {@code DepthBook}).
 */
final class WorkingOrders {

    private final OrderBook[] books;
    private final OrderStore store;
    private final ExecutionReporter reporter;

    WorkingOrders(OrderBook[] books, OrderStore store, ExecutionReporter reporter) {
        this.books = books;
        this.store = store;
        this.reporter = reporter;
    }

    OrderBook book(int symbolId) {
        return books[symbolId];
    }

    OrderStore store() {
        return store;
    }

    /**
     * Whether {@code lots} at {@code price} (0 for MARKET) on the side can be counted on
     * the book's price level and in the account's open exposure without a sum wrapping;
     * {@code replaced} is the order giving up its own count (an amend), or null.
     */
    boolean fits(int accountId, int symbolId, Side side, long price, long lots, Order replaced) {
        long ownLots = replaced == null ? 0 : replaced.leavesQty();
        long ownPrice = replaced == null ? 0 : replaced.price;
        long level = books[symbolId].levelQty(side, price) - (replaced != null && replaced.isResting() && ownPrice == price ? ownLots : 0);
        return Exact.sumFits(level, lots) && store.exposure().fits(accountId, symbolId, side, lots, price, ownLots, ownPrice);
    }

    /** Puts a working order on its book, at the back of its price's queue. */
    void rest(Order order) {
        books[order.symbolId].rest(order);
    }

    /** Takes an order off the book if it rests there, keeping it open (an amend re-queues it). */
    void lift(Order order) {
        if (order.isResting()) {
            books[order.symbolId].remove(order);
        }
    }

    /** Ends an open order that did not fill completely: reported CANCELED (or expired) for {@code reason}. */
    void cancel(Order order, CancelReason reason) {
        if (order.isResting()) {
            books[order.symbolId].remove(order);
        }
        reporter.canceled(order, reason);
        store.close(order);
    }

    /** Cancels an account's open orders, on one symbol or on all ({@code symbolId < 0}), in orderId order. */
    int cancelAll(int accountId, int symbolId, CancelReason reason) {
        return cancelAll(accountId, symbolId, 0, reason);
    }

    /**
     * As {@link #cancelAll(int, int, CancelReason)}, of the orders that entered through the
     * connection {@code origin} or an earlier one (connection numbers grow), never those
     * of no origin or of a later connection; every order for {@code origin} 0.
     */
    int cancelAll(int accountId, int symbolId, long origin, CancelReason reason) {
        int canceled = 0;
        Order order = store.firstOfAccount(accountId);
        while (order != null) {
            Order next = order.nextOfAccount();
            if ((symbolId < 0 || order.symbolId == symbolId) && (origin == 0 || order.origin != 0 && order.origin <= origin)) {
                cancel(order, reason);
                canceled++;
            }
            order = next;
        }
        return canceled;
    }
}

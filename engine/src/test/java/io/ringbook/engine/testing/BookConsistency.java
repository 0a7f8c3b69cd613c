package io.ringbook.engine.testing;

import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.OrderBook;
import io.ringbook.engine.book.OrderStore;
import io.ringbook.engine.book.PriceLevel;
import io.ringbook.engine.domain.Side;

/**
 * Checks a book's internal state, as exchange-core's validateInternalState does after
 * every step of a property test: levels strictly ordered best first, each level's total
 * and count equal to its orders, every resting order live in the store at its level's
 * price and side, and the book not crossed.
 */
public final class BookConsistency {

    private BookConsistency() {
    }

    /** @return the number of resting orders found */
    public static int check(OrderBook book, OrderStore store) {
        int resting = checkSide(book, Side.BUY, store) + checkSide(book, Side.SELL, store);
        PriceLevel bestBid = book.side(Side.BUY).best();
        PriceLevel bestAsk = book.side(Side.SELL).best();
        if (bestBid != null && bestAsk != null && bestBid.price() >= bestAsk.price()) {
            throw new AssertionError("book " + book.symbolId() + " crossed: " + bestBid.price() + " >= " + bestAsk.price());
        }
        return resting;
    }

    private static int checkSide(OrderBook book, Side side, OrderStore store) {
        BookSide levels = book.side(side);
        int resting = 0;
        long previous = 0;
        for (int depth = 0; depth < levels.levelCount(); depth++) {
            PriceLevel level = levels.level(depth);
            if (depth > 0 && (side == Side.BUY ? level.price() >= previous : level.price() <= previous)) {
                throw new AssertionError(side + " levels out of order at " + level.price());
            }
            previous = level.price();
            long total = 0;
            int count = 0;
            for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                if (order.side != side || order.price != level.price() || order.leavesQty() <= 0) {
                    throw new AssertionError("order " + order.orderId + " misplaced at " + side + " " + level.price());
                }
                if (store.find(order.orderId) != order) {
                    throw new AssertionError("resting order " + order.orderId + " is not in the store");
                }
                total += order.leavesQty();
                count++;
            }
            if (count == 0 || total != level.totalQty() || count != level.orderCount()) {
                throw new AssertionError("level " + side + " " + level.price() + " says " + level.orderCount() + "/"
                        + level.totalQty() + " but holds " + count + "/" + total);
            }
            resting += count;
        }
        return resting;
    }
}

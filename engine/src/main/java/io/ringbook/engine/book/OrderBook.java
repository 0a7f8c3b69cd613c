package io.ringbook.engine.book;

import io.ringbook.engine.domain.Side;

/**
 * One symbol's resting orders with price-time priority. The book only stores and
 * orders; the matching rules live in the business logic, which walks the book through
 * {@link #side} and changes it through these methods. Market data is not its concern:
 * the depth book is derived from the order events outside the logic.
 */
public final class OrderBook {

    private final int symbolId;
    private final BookSide bids;
    private final BookSide asks;

    public OrderBook(int symbolId, int initialLevels) {
        this.symbolId = symbolId;
        this.bids = new BookSide(true, initialLevels);
        this.asks = new BookSide(false, initialLevels);
    }

    public int symbolId() {
        return symbolId;
    }

    public BookSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** Adds the order at the back of its price's queue. */
    public void rest(Order order) {
        side(order.side).getOrCreate(order.price).append(order);
    }

    /** Takes a resting order off the book. */
    public void remove(Order order) {
        PriceLevel level = order.level;
        level.unlink(order);
        if (level.orderCount == 0) {
            side(order.side).remove(level);
        }
    }

    /** Records a fill of a resting order, removing it if it is done. */
    public void fillResting(Order order, long lots) {
        PriceLevel level = order.level;
        order.fill(level.price, lots);
        level.totalQty -= lots;
        if (order.leavesQty() == 0) {
            remove(order);
        }
    }

    /** Records a fill of the incoming order, which is not on the book. */
    public void fillIncoming(Order order, long price, long lots) {
        order.fill(price, lots);
    }

    /** Lowers a resting order's total quantity in place, keeping its time priority. */
    public void reduce(Order order, long newQty) {
        order.level.totalQty -= order.qty - newQty;
        order.qty = newQty;
    }

    /** The total resting quantity at a price, 0 if there is no level there. */
    public long levelQty(Side side, long price) {
        PriceLevel level = side(side).find(price);
        return level == null ? 0 : level.totalQty;
    }
}

package io.ringbook.engine.book;

import io.ringbook.engine.domain.Side;

/**
 * One symbol's resting orders with price-time priority. The book only stores and
 * orders; the matching rules live in the business logic, which walks the book through
 * {@link #side} and changes it through these methods. Each mutator returns the total
 * quantity left at the affected price, which is what market data publishes.
 */
public final class OrderBook {

    private final int symbolId;
    private final BookSide bids;
    private final BookSide asks;
    private long marketDataSequence;

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

    /** Counts one book change for market data and returns the new sequence (+1 per change, contiguous). */
    public long nextMarketDataSequence() {
        return ++marketDataSequence;
    }

    public long marketDataSequence() {
        return marketDataSequence;
    }

    /** Sets the market-data sequence of a fresh book from a snapshot. */
    public void restoreMarketDataSequence(long sequence) {
        marketDataSequence = sequence;
    }

    /** Adds the order at the back of its price's queue; returns the level's new total. */
    public long rest(Order order) {
        PriceLevel level = side(order.side).getOrCreate(order.price);
        level.append(order);
        return level.totalQty;
    }

    /** Takes a resting order off the book; returns the total left at its price. */
    public long remove(Order order) {
        PriceLevel level = order.level;
        level.unlink(order);
        long left = level.totalQty;
        if (level.orderCount == 0) {
            side(order.side).remove(level);
        }
        return left;
    }

    /** Records a fill of a resting order, removing it if it is done; returns the total left at its price. */
    public long fillResting(Order order, long lots) {
        PriceLevel level = order.level;
        order.fill(level.price, lots);
        level.totalQty -= lots;
        if (order.leavesQty() == 0) {
            return remove(order);
        }
        return level.totalQty;
    }

    /** Records a fill of the incoming order, which is not on the book. */
    public void fillIncoming(Order order, long price, long lots) {
        order.fill(price, lots);
    }

    /** Lowers a resting order's total quantity in place, keeping its time priority; returns the level's new total. */
    public long reduce(Order order, long newQty) {
        PriceLevel level = order.level;
        level.totalQty -= order.qty - newQty;
        order.qty = newQty;
        return level.totalQty;
    }

    /** The total resting quantity at a price, 0 if there is no level there. */
    public long levelQty(Side side, long price) {
        PriceLevel level = side(side).find(price);
        return level == null ? 0 : level.totalQty;
    }
}

package io.ringbook.engine.book;

import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.domain.Side;

/**
 * What each account has working per symbol: open orders, the unfilled buy and sell lots
 * they could still add to its position, and what those are worth at their own limit
 * prices (tick-lots). Kept by the {@link OrderStore} as orders
 * open, fill, change size and close, so pre-trade risk reads it in O(1) instead of
 * walking the account's orders. Flat arrays indexed {@code account * symbols + symbol}.
 */
public final class OpenExposure {

    private final int symbols;
    private final int[] orders;
    private final int[] accountOrders;
    private int venueOrders;
    private final long[] buyLots;
    private final long[] sellLots;
    private final long[] buyNotional;
    private final long[] sellNotional;

    OpenExposure(int accounts, int symbols) {
        this.symbols = symbols;
        this.orders = new int[accounts * symbols];
        this.accountOrders = new int[accounts];
        this.buyLots = new long[accounts * symbols];
        this.sellLots = new long[accounts * symbols];
        this.buyNotional = new long[accounts * symbols];
        this.sellNotional = new long[accounts * symbols];
    }

    /**
     * Open orders of all accounts together. Readable from any thread (a plain counter
     * written only by the business-logic thread: monitoring may see it late, never torn).
     */
    public int openOrders() {
        return venueOrders;
    }

    public int openOrders(int account) {
        return accountOrders[account];
    }

    public int openOrders(int account, int symbol) {
        return orders[account * symbols + symbol];
    }

    /** Unfilled lots of the account's open buy orders in the symbol. */
    public long buyLots(int account, int symbol) {
        return buyLots[account * symbols + symbol];
    }

    public long sellLots(int account, int symbol) {
        return sellLots[account * symbols + symbol];
    }

    /** Unfilled lots of the account's open buy orders in the symbol times their limit prices. */
    public long buyNotional(int account, int symbol) {
        return buyNotional[account * symbols + symbol];
    }

    public long sellNotional(int account, int symbol) {
        return sellNotional[account * symbols + symbol];
    }

    /**
     * Whether {@code lots} more at {@code price} (0 for a MARKET order) on the side can be
     * counted without a sum wrapping; {@code replacedLots} at {@code replacedPrice} are the
     * part the order already counts and gives up (an amend), 0 for a new order.
     */
    public boolean fits(int account, int symbol, Side side, long lots, long price, long replacedLots, long replacedPrice) {
        int cell = account * symbols + symbol;
        long heldLots = (side == Side.BUY ? buyLots[cell] : sellLots[cell]) - replacedLots;
        long heldNotional = (side == Side.BUY ? buyNotional[cell] : sellNotional[cell]) - replacedLots * replacedPrice;
        return Exact.productFits(lots, price) && Exact.sumFits(heldLots, lots) && Exact.sumFits(heldNotional, lots * price);
    }

    void opened(Order order) {
        orders[cell(order)]++;
        accountOrders[order.accountId]++;
        venueOrders++;
        leavesChanged(order, order.leavesQty());
    }

    void closed(Order order) {
        orders[cell(order)]--;
        accountOrders[order.accountId]--;
        venueOrders--;
        leavesChanged(order, -order.leavesQty());
    }

    /** The order's unfilled quantity changed by {@code deltaLots} at its current price (a fill is negative). */
    void leavesChanged(Order order, long deltaLots) {
        int cell = cell(order);
        if (order.side.sign() > 0) {
            buyLots[cell] += deltaLots;
            buyNotional[cell] += deltaLots * order.price;
        } else {
            sellLots[cell] += deltaLots;
            sellNotional[cell] += deltaLots * order.price;
        }
    }

    private int cell(Order order) {
        return order.accountId * symbols + order.symbolId;
    }
}

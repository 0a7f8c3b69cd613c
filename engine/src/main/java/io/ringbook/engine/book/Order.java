package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;

/**
 * A live order: pooled and reused, linked into its price level's queue and its account's
 * list without any node objects. Prices are ticks, quantities lots, times epoch nanos.
 */
public final class Order {

    public long orderId;
    public int accountId;
    public int symbolId;
    public Side side;
    public OrderType type;
    public TimeInForce timeInForce;
    public StpMode stpMode;
    public boolean postOnly;
    /** Limit price in ticks; 0 for MARKET. */
    public long price;
    /** Total quantity in lots (an amend changes it). */
    public long qty;
    public long filledQty;
    /** Sum of fill price times fill qty, for an exact average price. */
    public long filledNotional;
    /** When a DAY or GTD order expires; 0 for none. */
    public long expireTimeNanos;
    public long createdTimeNanos;
    public final ClOrdId clOrdId = new ClOrdId();

    PriceLevel level;
    Order prevInLevel;
    Order nextInLevel;
    Order prevOfAccount;
    Order nextOfAccount;
    /** Place in the store's expiry heap; -1 when not there. */
    int timedIndex = -1;

    public long leavesQty() {
        return qty - filledQty;
    }

    /** NEW or PARTIALLY_FILLED while the order works; the terminal states are set on the events. */
    public OrderStatus openStatus() {
        return filledQty == 0 ? OrderStatus.NEW : OrderStatus.PARTIALLY_FILLED;
    }

    public boolean isResting() {
        return level != null;
    }

    /** The next order at the same price, in time priority; null at the tail. */
    public Order nextInLevel() {
        return nextInLevel;
    }

    /** The account's next open order by orderId; null at the end. */
    public Order nextOfAccount() {
        return nextOfAccount;
    }

    void fill(long price, long lots) {
        filledQty += lots;
        filledNotional += price * lots;
    }
}

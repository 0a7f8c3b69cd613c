package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.state.StateBuffer;

/**
 * A live order: pooled and reused, linked into its price level's queue and its account's
 * list without any node objects. Prices are ticks, quantities lots, times epoch nanos.
 * Every resting order holds one (136 bytes, and its clOrdId's 64), so it keeps only what
 * a resting order needs: a MARKET order's collar, which lives for one command, is passed
 * along by the business logic instead.
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
    /** The connection the order entered through, 0 for none ({@code Command#origin}); cancel-on-disconnect cancels by it. */
    public long origin;

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

    /** Writes the order's own fields (not its links) for a snapshot. */
    public void writeTo(StateBuffer out) {
        out.putLong(orderId);
        out.putInt(accountId);
        out.putInt(symbolId);
        out.putEnum(side);
        out.putEnum(type);
        out.putEnum(timeInForce);
        out.putEnum(stpMode);
        out.putInt(postOnly ? 1 : 0);
        out.putLong(price);
        out.putLong(qty);
        out.putLong(filledQty);
        out.putLong(filledNotional);
        out.putLong(expireTimeNanos);
        out.putLong(createdTimeNanos);
        out.putClOrdId(clOrdId);
        out.putLong(origin);
    }

    /** Reads what {@link #writeTo} wrote into a blank order; {@code withOrigin}: false for layouts older than the origin. */
    public void readFrom(StateBuffer in, boolean withOrigin) {
        orderId = in.getLong();
        accountId = in.getInt();
        symbolId = in.getInt();
        side = in.getEnum(Side.values());
        type = in.getEnum(OrderType.values());
        timeInForce = in.getEnum(TimeInForce.values());
        stpMode = in.getEnum(StpMode.values());
        postOnly = in.getInt() != 0;
        price = in.getLong();
        qty = in.getLong();
        filledQty = in.getLong();
        filledNotional = in.getLong();
        expireTimeNanos = in.getLong();
        createdTimeNanos = in.getLong();
        in.getClOrdId(clOrdId);
        origin = withOrigin ? in.getLong() : 0;
    }

    void fill(long price, long lots) {
        filledQty += lots;
        filledNotional += price * lots;
    }
}

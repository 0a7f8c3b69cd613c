package io.ringbook.engine.testing;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;

import java.util.SplittableRandom;

/**
 * A seeded stream of realistic commands for one symbol: limit orders around a randomly
 * walking mid price (some crossing), IOC, FOK, market, post-only, DAY and GTD orders,
 * cancels and amends of recent orders, mass cancels and clock ticks. It predicts
 * orderIds (every new order gets the next one, accepted or not), so cancels and amends
 * name orders that exist, or did a moment ago. Same seed, same stream.
 *
 * <p>Opt-ins, which leave the default stream as it was: {@link #withClOrdIds()} gives
 * every order a clOrdId (now and then one already used) and sends replaces with new ids
 * (now and then one in use) and cancels by OrigClOrdID; {@link #scaled} multiplies every
 * price and quantity, to push amounts to the edge of what a long holds.
 */
public final class RandomOrderFlow {

    private static final int RECENT = 256;
    private static final long SECOND = 1_000_000_000L;

    private final SplittableRandom random;
    private final int accounts;
    private final int symbolId;
    private final long[] recentIds = new long[RECENT];
    private final int[] recentAccounts = new int[RECENT];
    private final String[] recentClOrdIds = new String[RECENT];
    private long mid;
    private long newOrders;
    private boolean clOrdIds;
    private long priceUnit = 1;
    private long qtyUnit = 1;
    private long replaces;

    public RandomOrderFlow(long seed, int accounts, int symbolId, long startMid) {
        this.random = new SplittableRandom(seed);
        this.accounts = accounts;
        this.symbolId = symbolId;
        this.mid = startMid;
    }

    /** Gives orders clOrdIds and replaces new ones, and cancels and replaces by OrigClOrdID. */
    public RandomOrderFlow withClOrdIds() {
        clOrdIds = true;
        return this;
    }

    /** Multiplies every price by {@code price} and every quantity by {@code qty}. */
    public RandomOrderFlow scaled(long price, long qty) {
        priceUnit = price;
        qtyUnit = qty;
        return this;
    }

    /** How many new orders (hence orderIds) the stream has produced so far. */
    public long newOrders() {
        return newOrders;
    }

    /** Overwrites {@code c} with the next command; {@code nowNanos} only dates GTD expiries. */
    public Command next(Command c, long nowNanos) {
        if (random.nextInt(10) == 0) {
            mid = Math.max(50, mid + random.nextInt(-1, 2));
        }
        int account = random.nextInt(accounts);
        int roll = random.nextInt(1000);
        if (roll < 150 && newOrders > 0) {
            int pick = pickRecent();
            c.cancel(recentAccounts[pick], recentIds[pick]);
            return clOrdIds ? byClOrdId(c, pick, "x" + newOrders) : c;
        }
        if (roll < 230 && newOrders > 0) {
            int pick = pickRecent();
            boolean priceChange = random.nextBoolean();
            c.amend(recentAccounts[pick], recentIds[pick], priceChange ? (mid + random.nextInt(-8, 9)) * priceUnit : 0,
                    priceChange ? 0 : random.nextLong(1, 25) * qtyUnit);
            if (clOrdIds) {
                String newId = random.nextInt(20) == 0 ? recentClOrdIds[pickRecent()] : "r" + ++replaces;
                byClOrdId(c, pick, newId);
                recentClOrdIds[pick] = newId;
            }
            return c;
        }
        if (roll < 238) {
            return c.massCancel(account, random.nextBoolean() ? symbolId : -1);
        }
        if (roll < 250) {
            return c.clockTick();
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long qty = random.nextLong(1, 21) * qtyUnit;
        long price = (mid + (side == Side.BUY ? -1 : 1) * random.nextInt(-3, 11)) * priceUnit;
        if (roll < 290) {
            newOrder(c, account, side, OrderType.MARKET, random.nextInt(4) == 0 ? TimeInForce.FOK : TimeInForce.IOC, 0, qty);
        } else if (roll < 370) {
            newOrder(c, account, side, OrderType.LIMIT, TimeInForce.IOC, price, qty);
        } else if (roll < 400) {
            newOrder(c, account, side, OrderType.LIMIT, TimeInForce.FOK, price, qty);
        } else if (roll < 430) {
            newOrder(c, account, side, OrderType.LIMIT, TimeInForce.GTD, price, qty);
            c.expireTimeNanos = nowNanos + random.nextLong(1, 5) * SECOND;
        } else if (roll < 450) {
            newOrder(c, account, side, OrderType.LIMIT, TimeInForce.DAY, price, qty);
        } else {
            newOrder(c, account, side, OrderType.LIMIT, TimeInForce.GTC, price, qty);
            c.postOnly = roll < 490;
        }
        if (random.nextInt(10) == 0) {
            c.stpMode = StpMode.values()[random.nextInt(3)];
        }
        if (clOrdIds) {
            int slot = (int) (newOrders % RECENT);
            String id = random.nextInt(50) == 0 && newOrders > 1 ? recentClOrdIds[pickRecent()] : "c" + newOrders;
            c.clOrdId.set(id == null ? "c" + newOrders : id);
            recentClOrdIds[slot] = c.clOrdId.toString();
        }
        return c;
    }

    /** Names the request's target by the clOrdId it was last given (half the time), and gives the request its own id. */
    private Command byClOrdId(Command c, int pick, String requestId) {
        c.clOrdId.set(requestId == null ? "q" + newOrders : requestId);
        if (recentClOrdIds[pick] != null && random.nextBoolean()) {
            c.orderId = 0;
            c.origClOrdId.set(recentClOrdIds[pick]);
        }
        return c;
    }

    private void newOrder(Command c, int account, Side side, OrderType type, TimeInForce tif, long price, long qty) {
        c.newOrder(account, symbolId, side, type, tif, price, qty);
        newOrders++;
        int slot = (int) (newOrders % RECENT);
        recentIds[slot] = newOrders;
        recentAccounts[slot] = account;
    }

    private int pickRecent() {
        return (int) ((newOrders - random.nextLong(Math.min(newOrders, RECENT))) % RECENT);
    }
}

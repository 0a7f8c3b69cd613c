package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;

/**
 * Every live order: a pool of reusable {@link Order}s sized up front, an index by
 * orderId, an index by each account's current clOrdId (whatever day the order was
 * placed), per account a list in orderId order (so a mass cancel walks only that
 * account's orders, in the order the contract asks for), and the orders that expire
 * by time. It also hands out orderIds. Both indexes are {@link RefTable}s of the orders
 * themselves, whose own orderId and clOrdId confirm a match: about 16 bytes an open order
 * each, no copy of the key (a map by orderId took about 24, and an index holding its own
 * copy of each clOrdId about 75 with its arena).
 */
public final class OrderStore {

    private final RefTable<Order> byId;
    private final Order[] accountHead;
    private final Order[] accountTail;
    private final int[] openCount;
    private final TimedOrders timed;
    private final OpenExposure exposure;
    private final RefTable<Order> liveClOrdIds;
    private Order free;
    private long lastOrderId;

    public OrderStore(int accounts, int symbols, int initialOrders) {
        // the index starts small and grows to the high-water mark of live orders: a map sized
        // for the whole pool spreads a few hundred live orders over megabytes of cache lines
        this.byId = new RefTable<>(Math.min(initialOrders * 2, 4096));
        this.accountHead = new Order[accounts];
        this.accountTail = new Order[accounts];
        this.openCount = new int[accounts];
        this.timed = new TimedOrders(initialOrders);
        this.exposure = new OpenExposure(accounts, symbols);
        this.liveClOrdIds = new RefTable<>(Math.min(initialOrders * 2, 4096));
        for (int i = 0; i < initialOrders; i++) {
            release(new Order());
        }
    }

    /** The next orderId; rejected orders get one too. */
    public long nextOrderId() {
        return ++lastOrderId;
    }

    /** The highest orderId handed out so far. */
    public long lastOrderId() {
        return lastOrderId;
    }

    /** Sets the orderId counter of a fresh store from a snapshot. */
    public void restoreLastOrderId(long orderId) {
        lastOrderId = orderId;
    }

    /** A blank order from the pool (allocates only beyond the pool's high-water mark). */
    public Order acquire() {
        Order order = free;
        if (order == null) {
            return new Order();
        }
        free = order.nextOfAccount;
        order.nextOfAccount = null;
        return order;
    }

    /** Returns an order that never opened to the pool. */
    public void release(Order order) {
        order.prevOfAccount = null;
        order.nextOfAccount = free;
        free = order;
    }

    /** Indexes an order that will keep working after its command. */
    public void open(Order order) {
        byId.add(order, RefTable.hashOfLong(order.orderId));
        int account = order.accountId;
        order.prevOfAccount = accountTail[account];
        order.nextOfAccount = null;
        if (accountTail[account] == null) {
            accountHead[account] = order;
        } else {
            accountTail[account].nextOfAccount = order;
        }
        accountTail[account] = order;
        openCount[account]++;
        exposure.opened(order);
        if (order.clOrdId.length() > 0) {
            liveClOrdIds.add(order, clOrdIdHash(account, order.clOrdId));
        }
        if (order.expireTimeNanos != 0) {
            timed.add(order);
        }
    }

    /** Forgets an order that is done and returns it to the pool. */
    public void close(Order order) {
        byId.remove(order, RefTable.hashOfLong(order.orderId));
        int account = order.accountId;
        if (order.prevOfAccount == null) {
            accountHead[account] = order.nextOfAccount;
        } else {
            order.prevOfAccount.nextOfAccount = order.nextOfAccount;
        }
        if (order.nextOfAccount == null) {
            accountTail[account] = order.prevOfAccount;
        } else {
            order.nextOfAccount.prevOfAccount = order.prevOfAccount;
        }
        openCount[account]--;
        exposure.closed(order);
        if (order.clOrdId.length() > 0) {
            liveClOrdIds.remove(order, clOrdIdHash(account, order.clOrdId));
        }
        if (order.timedIndex >= 0) {
            timed.remove(order);
        }
        release(order);
    }

    /** Gives an open order a new clOrdId (a replace); the caller has checked that no live order of the account holds it. */
    public void rename(Order order, ClOrdId newId) {
        if (order.clOrdId.length() > 0) {
            liveClOrdIds.remove(order, clOrdIdHash(order.accountId, order.clOrdId));
        }
        order.clOrdId.copyFrom(newId);
        liveClOrdIds.add(order, clOrdIdHash(order.accountId, newId));
    }

    /** The orderId of the account's open order whose current clOrdId this is, or 0. */
    public long findLive(int accountId, ClOrdId id) {
        long hash = clOrdIdHash(accountId, id);
        for (int i = liveClOrdIds.first(hash); !liveClOrdIds.empty(i); i = liveClOrdIds.next(i)) {
            Order order = liveClOrdIds.at(i, hash);
            if (order != null && order.accountId == accountId && order.clOrdId.sameAs(id)) {
                return order.orderId;
            }
        }
        return 0;
    }

    /** Records that an open order's unfilled quantity changed by {@code deltaLots}: a fill (negative) or an amend. */
    public void leavesChanged(Order order, long deltaLots) {
        exposure.leavesChanged(order, deltaLots);
    }

    public OpenExposure exposure() {
        return exposure;
    }

    /** The open order that expires first, if it is due at {@code nowNanos}; else null. */
    public Order dueToExpire(long nowNanos) {
        return timed.due(nowNanos);
    }

    /** The open order with this id, or null. */
    public Order find(long orderId) {
        long hash = RefTable.hashOfLong(orderId);
        for (int i = byId.first(hash); !byId.empty(i); i = byId.next(i)) {
            Order order = byId.at(i, hash);
            if (order != null && order.orderId == orderId) {
                return order;
            }
        }
        return null;
    }

    /** The account's open order with the lowest orderId, or null; continue with {@link Order#nextOfAccount()}. */
    public Order firstOfAccount(int accountId) {
        return accountHead[accountId];
    }

    public int openOrders(int accountId) {
        return openCount[accountId];
    }

    public int openOrders() {
        return byId.size();
    }

    /** The account mixed into the clOrdId's own hash (computed once per value and kept by its copies), then finalized (fmix64). */
    private static long clOrdIdHash(int accountId, ClOrdId id) {
        long h = id.wordsHash() ^ accountId * 0xC2B2_AE3D_27D4_EB4FL;
        h = (h ^ h >>> 33) * 0xFF51_AFD7_ED55_8CCDL;
        h = (h ^ h >>> 33) * 0xC4CE_B9FE_1A85_EC53L;
        return h ^ h >>> 33;
    }
}

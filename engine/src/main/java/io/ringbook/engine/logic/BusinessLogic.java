package io.ringbook.engine.logic;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.OrderBook;
import io.ringbook.engine.book.OrderStore;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.position.PositionBook;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

/**
 * The engine's state machine: fed one command at a time, it runs pre-trade risk,
 * matching and positions, and reports every outcome to its {@link EventSink}. It reads
 * time only from the command, never allocates in steady state, and holds no locks, so
 * the same instance runs behind the ring buffer, in replay and in backtests, and an
 * identical command sequence always yields an identical event sequence.
 */
public final class BusinessLogic {

    private final int accounts;
    private final int symbols;
    private final SymbolTable symbolTable;
    private final OrderStore store;
    private final WorkingOrders working;
    private final PositionBook positions;
    private final Matcher matcher;
    private final ExecutionReporter reporter;
    private final PreTradeCheck preTradeCheck;
    private final long[] cancelAllDeadline;
    private final OrderBook[] books;
    private final ClOrdIdRules clOrdIds;

    /**
     * @param risk          builds the pre-trade check from what this logic lets it see
     *                      ({@link PreTradeCheck#NONE} for matching alone)
     * @param initialOrders orders pooled up front; beyond them the pool allocates; also the
     *                      clOrdIds a day is expected to use
     */
    public BusinessLogic(SymbolTable symbolTable, int accounts, PreTradeCheck.Factory risk, EventSink sink, int initialOrders) {
        this(symbolTable, accounts, risk, sink, initialOrders, initialOrders);
    }

    /**
     * @param risk            builds the pre-trade check from what this logic lets it see
     *                        ({@link PreTradeCheck#NONE} for matching alone)
     * @param initialOrders   orders pooled up front; beyond them the pool allocates
     * @param clOrdIdsPerDay  clOrdIds a trading day is expected to use (accepted and rejected
     *                        orders and amends): the day's index is built for them, and grows
     *                        in small steps beyond ({@link #clOrdIdIndexSplits()})
     */
    public BusinessLogic(SymbolTable symbolTable, int accounts, PreTradeCheck.Factory risk, EventSink sink, int initialOrders,
                         int clOrdIdsPerDay) {
        this.accounts = accounts;
        this.symbols = symbolTable.size();
        this.symbolTable = symbolTable;
        this.reporter = new ExecutionReporter(sink);
        this.store = new OrderStore(accounts, symbols, initialOrders);
        this.books = new OrderBook[symbols];
        for (int i = 0; i < symbols; i++) {
            books[i] = new OrderBook(i, 256);
        }
        this.working = new WorkingOrders(books, store, reporter);
        this.positions = new PositionBook(accounts, symbols);
        this.preTradeCheck = risk.create(new Context());
        this.matcher = new Matcher(symbolTable, accounts, working, positions, reporter, preTradeCheck);
        this.cancelAllDeadline = new long[accounts];
        this.clOrdIds = new ClOrdIdRules(store, clOrdIdsPerDay);
    }

    /** Decides one command; its sequence and event time are already stamped. A command without a type does nothing. */
    public void process(Command command) {
        if (command.type == null) {
            return;
        }
        reporter.begin(command);
        switch (command.type) {
            case NEW_ORDER -> newOrder(command);
            case CANCEL_ORDER -> cancel(command);
            case AMEND_ORDER -> amend(command);
            case MASS_CANCEL -> massCancel(command, CancelReason.MASS_CANCEL);
            case CANCEL_ON_DISCONNECT -> cancelOnDisconnect(command);
            case CANCEL_ALL_AFTER -> cancelAllAfter(command);
            case CLOCK_TICK -> clockTick(command.eventTimeNanos);
            case SNAPSHOT -> reporter.snapshotTaken();
            case HALT_SYMBOL, RESUME_SYMBOL, TRIP_BREAKER, RESET_BREAKER, KILL_SWITCH, RELEASE_KILL_SWITCH, SET_LIMITS ->
                    carryOut(preTradeCheck.control(command), command.accountId);
        }
        reporter.end();
    }

    public OrderBook book(int symbolId) {
        return working.book(symbolId);
    }

    public OrderStore orders() {
        return store;
    }

    public PositionBook positions() {
        return positions;
    }

    public long lastTradeId() {
        return matcher.lastTradeId();
    }

    /**
     * Times the day's clOrdId index grew beyond the size it was built for (one 32 KB
     * segment split each): a sign that {@code clOrdIdsPerDay} is set too low. Readable from
     * any thread (a plain counter; a metric may see it late).
     */
    public long clOrdIdIndexSplits() {
        return clOrdIds.splits();
    }

    /** Writes the whole state into {@code out} (on the logic's own thread, between commands). */
    public void writeState(StateBuffer out) {
        writeStateDeferring(out).writeTo(out);
    }

    /**
     * Writes the state into {@code out} but for its last part, the day's clOrdIds, whose
     * writer it returns: the caller appends them to {@code out}'s bytes from another
     * thread (the snapshot's), so the logic's pause does not grow with the day's ids.
     * The bytes are those of {@link #writeState}.
     */
    public DeferredState writeStateDeferring(StateBuffer out) {
        EngineState.write(out, books, store, positions, cancelAllDeadline, matcher.lastTradeId(), reporter.lastExecId());
        DeferredState ids = clOrdIds.writeDeferred(out);
        preTradeCheck.writeState(out);
        return ids;
    }

    /**
     * Loads a state written by {@link #writeState} into this logic, which must be fresh
     * (built, nothing processed) and of the same symbols and accounts.
     *
     * @throws IllegalStateException if the bytes are not such a state; the logic is then unusable
     */
    public void restoreState(StateBuffer in) {
        long[] counters = EngineState.read(in, books, store, positions, cancelAllDeadline);
        matcher.restoreLastTradeId(counters[0]);
        reporter.restoreLastExecId(counters[1]);
        int ids = clOrdIds.readDay(in);
        if (counters[2] <= EngineState.IDS_BEFORE_RISK) {
            clOrdIds.readIds(in, ids, false);
            preTradeCheck.readState(in);
        } else {
            preTradeCheck.readState(in);
            clOrdIds.readIds(in, ids, counters[2] > EngineState.IDS_BY_ENTRY);
        }
    }

    private void newOrder(Command c) {
        if (c.clOrdId.length() > 0 && c.accountId >= 0 && c.accountId < accounts) {
            long original = clOrdIds.holder(c.accountId, c.clOrdId, c.eventTimeNanos);
            if (original != 0) {
                reporter.duplicateClOrdId(c, original);
                return;
            }
        }
        RejectReason reason = shapeOf(c);
        if (reason == RejectReason.NONE && !working.fits(c.accountId, c.symbolId, c.side, c.orderType == OrderType.MARKET ? 0 : c.price, c.qty, null)) {
            reason = RejectReason.INVALID_ORDER;
        }
        if (reason == RejectReason.NONE) {
            reason = preTradeCheck.checkNewOrder(c);
        }
        if (reason == RejectReason.NONE && c.postOnly && working.book(c.symbolId).side(c.side.opposite()).crossedBy(c.price)) {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        Order order = newOrderFrom(c, reason == RejectReason.NONE);
        long collar = reason == RejectReason.NONE && c.orderType == OrderType.MARKET ? preTradeCheck.marketCollar(c.symbolId, c.side) : 0;
        if (c.clOrdId.length() > 0 && c.accountId >= 0 && c.accountId < accounts) {
            clOrdIds.use(c.accountId, c.clOrdId, order.orderId);
        }
        if (reason == RejectReason.NONE && c.timeInForce == TimeInForce.FOK && !matcher.canFillCompletely(order, collar, c.eventTimeNanos)) {
            reason = RejectReason.FOK_NOT_FILLED;
        }
        if (reason != RejectReason.NONE) {
            reporter.rejected(order, reason);
            store.release(order);
            if (c.accountId >= 0 && c.accountId < accounts) {
                preTradeCheck.orderRejected(c.accountId, reason, c.eventTimeNanos);
            }
            return;
        }
        store.open(order);
        preTradeCheck.orderAccepted(c.accountId, c.symbolId);
        reporter.accepted(order);
        work(order, collar, c.eventTimeNanos);
    }

    /**
     * Matches an open order not on the book, then rests it or ends it as its type requires;
     * {@code collar}: a MARKET order's worst price (0 for none), which lives only for the
     * command that brings the order in, as a MARKET order never rests.
     */
    private void work(Order order, long collar, long nowNanos) {
        CancelReason stopped = matcher.match(order, collar, nowNanos);
        if (order.leavesQty() == 0) {
            store.close(order);
        } else if (stopped != CancelReason.NONE) {
            working.cancel(order, stopped);
        } else if (order.type == OrderType.MARKET) {
            working.cancel(order, CancelReason.MARKET_REMAINDER);
        } else if (!order.timeInForce.mayRest()) {
            working.cancel(order, CancelReason.IOC_REMAINDER);
        } else {
            working.rest(order);
        }
    }

    /** The order a NEW_ORDER command makes; {@code valid}: it passed the checks, so its symbol can be looked up. */
    private Order newOrderFrom(Command c, boolean valid) {
        Order order = store.acquire();
        order.orderId = store.nextOrderId();
        order.accountId = c.accountId;
        order.symbolId = c.symbolId;
        order.side = c.side;
        order.type = c.orderType;
        order.timeInForce = c.timeInForce;
        order.stpMode = c.stpMode == null ? StpMode.CANCEL_RESTING : c.stpMode;
        order.postOnly = c.postOnly;
        order.price = c.orderType == OrderType.MARKET ? 0 : c.price;
        order.qty = c.qty;
        order.filledQty = 0;
        order.filledNotional = 0;
        order.createdTimeNanos = c.eventTimeNanos;
        order.clOrdId.copyFrom(c.clOrdId);
        order.origin = c.origin;
        order.expireTimeNanos = c.timeInForce == TimeInForce.GTD ? c.expireTimeNanos : 0;
        if (valid) {
            SymbolSpec symbol = symbolTable.get(c.symbolId);
            if (c.timeInForce == TimeInForce.DAY) {
                order.expireTimeNanos = symbol.tradingHours().sessionEnd(c.eventTimeNanos);
            }
        }
        return order;
    }

    /** What the edge should have refused already; checked again so that no input can corrupt state. */
    private RejectReason shapeOf(Command c) {
        if (c.accountId < 0 || c.accountId >= accounts) {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (c.symbolId < 0 || c.symbolId >= symbols) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        if (c.side == null || c.orderType == null || c.timeInForce == null || c.qty <= 0) {
            return RejectReason.INVALID_ORDER;
        }
        boolean market = c.orderType == OrderType.MARKET;
        if (market ? c.timeInForce != TimeInForce.IOC && c.timeInForce != TimeInForce.FOK : c.price <= 0) {
            return RejectReason.INVALID_ORDER;
        }
        if (!market && c.price > Long.MAX_VALUE / c.qty) {
            return RejectReason.INVALID_ORDER;
        }
        if (c.postOnly && (market || !c.timeInForce.mayRest())) {
            return RejectReason.INVALID_ORDER;
        }
        if (c.timeInForce == TimeInForce.GTD && c.expireTimeNanos <= 0) {
            return RejectReason.INVALID_ORDER;
        }
        return RejectReason.NONE;
    }

    private void cancel(Command c) {
        Order order = ownOpenOrder(c, EventType.CANCEL_REJECTED);
        if (order != null) {
            working.cancel(order, CancelReason.USER);
        }
    }

    /**
     * Lowering the quantity at the same price keeps time priority; any other change
     * takes the order off the book, and it comes back as a new arrival: it may trade
     * (as a taker) and rests at the back of its price's queue.
     */
    private void amend(Command c) {
        Order order = ownOpenOrder(c, EventType.AMEND_REJECTED);
        if (order == null) {
            return;
        }
        long newQty = c.qty == 0 ? order.qty : c.qty;
        long newPrice = c.price == 0 ? order.price : c.price;
        RejectReason reason = RejectReason.NONE;
        if (c.clOrdId.length() > 0 && clOrdIds.holder(order.accountId, c.clOrdId, c.eventTimeNanos) != 0) {
            reason = RejectReason.DUPLICATE_CLORDID;
        } else if (c.qty < 0 || c.price < 0 || newPrice > Long.MAX_VALUE / newQty) {
            reason = RejectReason.INVALID_ORDER;
        } else if (newQty <= order.filledQty) {
            reason = RejectReason.INVALID_QTY;
        } else if (!working.fits(order.accountId, order.symbolId, order.side, newPrice, newQty - order.filledQty, order)) {
            reason = RejectReason.INVALID_ORDER;
        } else if (order.postOnly && newPrice != order.price
                && working.book(order.symbolId).side(order.side.opposite()).crossedBy(newPrice)) {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        } else {
            reason = preTradeCheck.checkAmend(c, order);
        }
        if (reason != RejectReason.NONE) {
            reporter.requestRejected(EventType.AMEND_REJECTED, c, order, reason);
            return;
        }
        if (c.clOrdId.length() > 0) {
            clOrdIds.use(order.accountId, c.clOrdId, order.orderId);
            store.rename(order, c.clOrdId);
        }
        store.leavesChanged(order, -order.leavesQty());
        if (newPrice == order.price && newQty <= order.qty) {
            working.book(order.symbolId).reduce(order, newQty);
            store.leavesChanged(order, order.leavesQty());
            reporter.replaced(order);
            return;
        }
        working.lift(order);
        order.price = newPrice;
        order.qty = newQty;
        store.leavesChanged(order, order.leavesQty());
        reporter.replaced(order);
        work(order, 0, c.eventTimeNanos);
    }

    /**
     * The caller's open order named by the request: by orderId, or by its current
     * clOrdId whatever day it was placed; an id used today by an order that is done
     * names that order (too late). Null after reporting why not.
     */
    private Order ownOpenOrder(Command c, EventType rejectType) {
        if (c.orderId == 0 && c.origClOrdId.length() > 0 && c.accountId >= 0 && c.accountId < accounts) {
            c.orderId = clOrdIds.target(c.accountId, c.origClOrdId, c.eventTimeNanos);
        }
        Order order = store.find(c.orderId);
        if (order != null && order.accountId == c.accountId) {
            return order;
        }
        boolean wasIssued = order == null && c.orderId > 0 && c.orderId <= store.lastOrderId();
        reporter.requestRejected(rejectType, c, null, wasIssued ? RejectReason.TOO_LATE_TO_CANCEL : RejectReason.UNKNOWN_ORDER);
        return null;
    }

    private void massCancel(Command c, CancelReason reason) {
        if (c.accountId < 0 || c.accountId >= accounts) {
            reporter.massCancelDone(c.accountId, c.symbolId, 0);
            return;
        }
        int canceled = working.cancelAll(c.accountId, c.symbolId, reason);
        reporter.massCancelDone(c.accountId, c.symbolId, canceled);
    }

    /**
     * The account's open orders that entered through the FIX session up to the connection
     * that went away (its own and earlier connections', e.g. from before a restart; not a
     * later connection's, nor REST orders); all of them for origin 0 (old journals).
     */
    private void cancelOnDisconnect(Command c) {
        if (c.accountId < 0 || c.accountId >= accounts) {
            reporter.massCancelDone(c.accountId, -1, 0);
            return;
        }
        reporter.massCancelDone(c.accountId, -1, working.cancelAll(c.accountId, -1, c.origin, CancelReason.DISCONNECT));
    }

    private void cancelAllAfter(Command c) {
        if (c.accountId < 0 || c.accountId >= accounts || c.timeoutNanos < 0) {
            reporter.requestRejected(EventType.CANCEL_REJECTED, c, null, RejectReason.INVALID_ORDER);
            return;
        }
        long deadline = c.timeoutNanos == 0 ? 0 : c.eventTimeNanos + c.timeoutNanos;
        cancelAllDeadline[c.accountId] = deadline;
        reporter.cancelAllAfterSet(c.accountId, deadline);
    }

    private void clockTick(long now) {
        preTradeCheck.clockTick(now);
        for (Order due = store.dueToExpire(now); due != null; due = store.dueToExpire(now)) {
            working.cancel(due, CancelReason.EXPIRED);
        }
        for (int account = 0; account < accounts; account++) {
            long deadline = cancelAllDeadline[account];
            if (deadline != 0 && deadline <= now) {
                cancelAllDeadline[account] = 0;
                working.cancelAll(account, -1, CancelReason.CANCEL_ALL_AFTER);
            }
        }
    }

    /** Does what risk decided an operator command needs done to the orders. */
    private void carryOut(ControlDecision decision, int accountId) {
        if (decision == ControlDecision.CANCEL_FOR_KILL_SWITCH) {
            int account = accountId < 0 ? -1 : accountId;
            reporter.killSwitch(account, true, cancelAllOf(account, CancelReason.KILL_SWITCH));
        }
    }

    /** Cancels the open orders of an account, or of every account for {@code accountId < 0}; returns how many. */
    private int cancelAllOf(int accountId, CancelReason reason) {
        if (accountId >= 0) {
            return working.cancelAll(accountId, -1, reason);
        }
        int canceled = 0;
        for (int account = 0; account < accounts; account++) {
            canceled += working.cancelAll(account, -1, reason);
        }
        return canceled;
    }

    /** What the pre-trade check sees of this logic: the live components, never copies. */
    private final class Context implements RiskContext {

        @Override
        public SymbolTable symbols() {
            return symbolTable;
        }

        @Override
        public int accounts() {
            return accounts;
        }

        @Override
        public PositionBook positions() {
            return positions;
        }

        @Override
        public OpenExposure exposure() {
            return store.exposure();
        }

        @Override
        public RiskEvents report() {
            return reporter;
        }
    }
}

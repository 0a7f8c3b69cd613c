package io.ringbook.engine.logic;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;

/**
 * Turns what the business logic did into events: each written once, into the
 * {@link EngineEvent} the sink hands out (the outbound ring's slot) or a scratch one,
 * stamped with the current command's sequence and time, filled and handed to the sink.
 * It also numbers executions ({@code execId}), so ids follow the order of events.
 */
final class ExecutionReporter implements RiskEvents {

    private final EngineEvent scratch = new EngineEvent();
    private final EventSink sink;
    private Command command;
    private long lastExecId;

    ExecutionReporter(EventSink sink) {
        this.sink = sink;
    }

    void begin(Command current) {
        this.command = current;
    }

    void end() {
        sink.onCommandEnd(command.sequence);
    }

    void accepted(Order order) {
        send(orderEvent(EventType.ORDER_ACCEPTED, order, order.openStatus()));
    }

    /** A new order refused before it could work; it keeps its orderId and clOrdId. */
    void rejected(Order order, RejectReason reason) {
        EngineEvent e = orderEvent(EventType.ORDER_REJECTED, order, OrderStatus.REJECTED);
        e.rejectReason = reason;
        send(e);
    }

    /** A new order whose clOrdId the account already used today: reported against the original order's id. */
    void duplicateClOrdId(Command order, long originalOrderId) {
        EngineEvent e = start(EventType.ORDER_REJECTED);
        e.execId = ++lastExecId;
        e.orderId = originalOrderId;
        e.accountId = order.accountId;
        e.symbolId = order.symbolId;
        e.side = order.side;
        e.orderType = order.orderType;
        e.price = order.price;
        e.qty = order.qty;
        e.clOrdId.copyFrom(order.clOrdId);
        e.status = OrderStatus.REJECTED;
        e.rejectReason = RejectReason.DUPLICATE_CLORDID;
        send(e);
    }

    void filled(Order order, long tradeId, long price, long lots, long fee, Liquidity liquidity) {
        EngineEvent e = orderEvent(EventType.ORDER_FILLED, order,
                order.leavesQty() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED);
        e.tradeId = tradeId;
        e.lastPrice = price;
        e.lastQty = lots;
        e.fee = fee;
        e.liquidity = liquidity;
        send(e);
    }

    /** An order left the book: canceled for {@code reason}, or expired if the reason is EXPIRED. */
    void canceled(Order order, CancelReason reason) {
        EventType type = reason == CancelReason.EXPIRED ? EventType.ORDER_EXPIRED : EventType.ORDER_CANCELED;
        EngineEvent e = orderEvent(type, order, OrderStatus.CANCELED);
        e.cancelReason = reason;
        send(e);
    }

    void replaced(Order order) {
        send(orderEvent(EventType.ORDER_REPLACED, order, order.openStatus()));
    }

    /** A cancel or amend refused; the order, if it is live, is reported as it stands. */
    void requestRejected(EventType type, Command request, Order order, RejectReason reason) {
        EngineEvent e = order == null ? start(type) : orderEvent(type, order, order.openStatus());
        if (order == null) {
            e.execId = ++lastExecId;
            e.orderId = request.orderId;
            e.accountId = request.accountId;
            e.clOrdId.copyFrom(request.origClOrdId);
            e.requestClOrdId.copyFrom(request.clOrdId);
        }
        e.rejectReason = reason;
        send(e);
    }

    void massCancelDone(int accountId, int symbolId, int canceled) {
        EngineEvent e = start(EventType.MASS_CANCEL_DONE);
        e.accountId = accountId;
        e.symbolId = symbolId;
        e.count = canceled;
        send(e);
    }

    void cancelAllAfterSet(int accountId, long deadlineNanos) {
        EngineEvent e = start(EventType.CANCEL_ALL_AFTER_SET);
        e.accountId = accountId;
        e.expireTimeNanos = deadlineNanos;
        send(e);
    }

    void snapshotTaken() {
        send(start(EventType.SNAPSHOT_TAKEN));
    }

    @Override
    public void breakerChanged(BreakerKind kind, int target, BreakerState state, int trips, long openedAtNanos,
                               long nextRetryAtNanos, int healthScore) {
        EngineEvent e = start(EventType.BREAKER_CHANGED);
        e.breakerKind = kind;
        if (kind.perAccount()) {
            e.accountId = target;
        } else {
            e.symbolId = target;
        }
        e.breakerState = state;
        e.count = trips;
        e.createdTimeNanos = openedAtNanos;
        e.expireTimeNanos = nextRetryAtNanos;
        e.healthScore = healthScore;
        send(e);
    }

    @Override
    public void symbolStatus(int symbolId, boolean halted) {
        EngineEvent e = start(EventType.SYMBOL_STATUS);
        e.symbolId = symbolId;
        e.active = halted;
        send(e);
    }

    @Override
    public void killSwitch(int accountId, boolean active, int canceledOrders) {
        EngineEvent e = start(EventType.KILL_SWITCH_CHANGED);
        e.accountId = accountId;
        e.active = active;
        e.count = canceledOrders;
        send(e);
    }

    @Override
    public void limitsChanged(int accountId, AccountLimits limits) {
        EngineEvent e = start(EventType.LIMITS_CHANGED);
        e.accountId = accountId;
        e.limits = limits;
        send(e);
    }

    @Override
    public void controlRejected() {
        send(start(EventType.CONTROL_REJECTED));
    }

    long lastExecId() {
        return lastExecId;
    }

    void restoreLastExecId(long execId) {
        lastExecId = execId;
    }

    /** An event about an order, carrying its whole state: every field of it written once (no clear first). */
    private EngineEvent orderEvent(EventType type, Order order, OrderStatus status) {
        EngineEvent e = stamp(sink.claim(scratch).clearExceptOrderState(), type);
        e.execId = ++lastExecId;
        e.orderId = order.orderId;
        e.accountId = order.accountId;
        e.symbolId = order.symbolId;
        e.side = order.side;
        e.orderType = order.type;
        e.timeInForce = order.timeInForce;
        e.stpMode = order.stpMode;
        e.postOnly = order.postOnly;
        e.price = order.price;
        e.qty = order.qty;
        e.filledQty = order.filledQty;
        e.filledNotional = order.filledNotional;
        e.expireTimeNanos = order.expireTimeNanos;
        e.createdTimeNanos = order.createdTimeNanos;
        e.clOrdId.copyFrom(order.clOrdId);
        if (isTargetOf(command, order)) {
            e.requestClOrdId.copyFrom(command.clOrdId);
        }
        e.status = status;
        return e;
    }

    /** Whether the order is the one a cancel or amend command names (not, say, the counterparty of an amend's fill). */
    private static boolean isTargetOf(Command command, Order order) {
        return (command.type == CommandType.CANCEL_ORDER || command.type == CommandType.AMEND_ORDER)
                && order.orderId == command.orderId;
    }

    private EngineEvent start(EventType type) {
        return stamp(sink.claim(scratch).clear(), type);
    }

    /** Stamps a claimed event with its type and the current command's sequence, time and caller. */
    private EngineEvent stamp(EngineEvent e, EventType type) {
        e.type = type;
        e.sequence = command.sequence;
        e.eventTimeNanos = command.eventTimeNanos;
        e.ingressNanos = command.ingressNanos;
        e.journaledNanos = command.journaledNanos;
        e.correlationId = command.correlationId;
        return e;
    }

    private void send(EngineEvent e) {
        sink.onEvent(e);
    }
}

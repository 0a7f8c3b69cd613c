package io.ringbook.engine.event;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;

/**
 * One outcome of one command, and the outbound ring buffer's preallocated slot. An order
 * event carries the order's whole state after the event, so a reader needs no other
 * source to answer a client. Prices are ticks, quantities lots, notionals and fees
 * tick-lots (price ticks times lots), times epoch nanoseconds.
 */
public final class EngineEvent {

    public EventType type;
    /** Sequence of the command that caused it. */
    public long sequence;
    public long eventTimeNanos;
    /** Copied from the command, for latency measurement only. */
    public long ingressNanos;
    public long correlationId;
    /** Copied from the command: when its batch was journaled; for latency only, not journaled. */
    public long journaledNanos;
    /** When its command was decided and published, on its last event only; for latency only, not journaled. */
    public long decidedNanos;
    /** Set on the last event of its command by the outbound publisher. */
    public boolean lastOfCommand;

    public long execId;
    public long orderId;
    public int accountId;
    public int symbolId;
    public Side side;
    public OrderType orderType;
    public TimeInForce timeInForce;
    public StpMode stpMode;
    public boolean postOnly;
    public long price;
    public long qty;
    public long filledQty;
    /** Sum of fill price times fill qty: the average price is this over {@link #filledQty}. */
    public long filledNotional;
    public long expireTimeNanos;
    public long createdTimeNanos;
    public OrderStatus status;
    public RejectReason rejectReason;
    public CancelReason cancelReason;
    /**
     * The order's own current clOrdId: every event about an order carries that order's id,
     * never another's (the counterparty of an amend's fill keeps its own).
     */
    public final ClOrdId clOrdId = new ClOrdId();
    /**
     * On the events about the order a cancel or amend request names, and on the request's
     * refusal: that request's own clOrdId (FIX ClOrdID of F and G); empty on every other
     * event, the other orders' events of the same command included.
     */
    public final ClOrdId requestClOrdId = new ClOrdId();

    public long tradeId;
    public long lastPrice;
    public long lastQty;
    public long fee;
    public Liquidity liquidity;

    /** The symbol's market-data sequence after a BOOK_LEVEL change (older journals only). */
    public long bookSequence;
    /** MASS_CANCEL_DONE and KILL_SWITCH_CHANGED: orders canceled; BREAKER_CHANGED: trips so far. */
    public int count;

    /** BREAKER_CHANGED: which breaker (target in accountId or symbolId), its state and health 0-100. */
    public BreakerKind breakerKind;
    public BreakerState breakerState;
    public int healthScore;
    /** SYMBOL_STATUS: halted; KILL_SWITCH_CHANGED: active. */
    public boolean active;
    /** LIMITS_CHANGED: the account's new limits (immutable, shared). */
    public AccountLimits limits;

    public long leavesQty() {
        return status != null && status.isOpen() ? qty - filledQty : 0;
    }

    public EngineEvent clear() {
        clearExceptOrderState();
        execId = 0;
        orderId = 0;
        accountId = -1;
        symbolId = -1;
        side = null;
        orderType = null;
        timeInForce = null;
        stpMode = null;
        postOnly = false;
        price = 0;
        qty = 0;
        filledQty = 0;
        filledNotional = 0;
        expireTimeNanos = 0;
        createdTimeNanos = 0;
        status = null;
        clOrdId.clear();
        return this;
    }

    /**
     * Clears every field but the order's state ({@code execId}, {@code orderId}, account,
     * symbol, side, type, time in force, STP mode, post-only, price, qty, filled qty and
     * notional, expiry, creation time, status, {@code clOrdId}): for a writer of an order
     * event, which sets each of those next, so that they are written once rather than
     * cleared first.
     */
    public EngineEvent clearExceptOrderState() {
        type = null;
        sequence = 0;
        eventTimeNanos = 0;
        ingressNanos = 0;
        journaledNanos = 0;
        decidedNanos = 0;
        correlationId = 0;
        lastOfCommand = false;
        rejectReason = RejectReason.NONE;
        cancelReason = CancelReason.NONE;
        requestClOrdId.clear();
        tradeId = 0;
        lastPrice = 0;
        lastQty = 0;
        fee = 0;
        liquidity = null;
        bookSequence = 0;
        count = 0;
        breakerKind = null;
        breakerState = null;
        healthScore = 0;
        active = false;
        limits = null;
        return this;
    }

    public void copyFrom(EngineEvent other) {
        type = other.type;
        sequence = other.sequence;
        eventTimeNanos = other.eventTimeNanos;
        ingressNanos = other.ingressNanos;
        journaledNanos = other.journaledNanos;
        decidedNanos = other.decidedNanos;
        correlationId = other.correlationId;
        lastOfCommand = other.lastOfCommand;
        execId = other.execId;
        orderId = other.orderId;
        accountId = other.accountId;
        symbolId = other.symbolId;
        side = other.side;
        orderType = other.orderType;
        timeInForce = other.timeInForce;
        stpMode = other.stpMode;
        postOnly = other.postOnly;
        price = other.price;
        qty = other.qty;
        filledQty = other.filledQty;
        filledNotional = other.filledNotional;
        expireTimeNanos = other.expireTimeNanos;
        createdTimeNanos = other.createdTimeNanos;
        status = other.status;
        rejectReason = other.rejectReason;
        cancelReason = other.cancelReason;
        clOrdId.copyFrom(other.clOrdId);
        requestClOrdId.copyFrom(other.requestClOrdId);
        tradeId = other.tradeId;
        lastPrice = other.lastPrice;
        lastQty = other.lastQty;
        fee = other.fee;
        liquidity = other.liquidity;
        bookSequence = other.bookSequence;
        count = other.count;
        breakerKind = other.breakerKind;
        breakerState = other.breakerState;
        healthScore = other.healthScore;
        active = other.active;
        limits = other.limits;
    }

    /** A detached copy, for readers on the outbound side that keep events (allocates). */
    public EngineEvent copy() {
        EngineEvent copy = new EngineEvent();
        copy.copyFrom(this);
        return copy;
    }

    @Override
    public String toString() {
        return type + "{seq=" + sequence + ", order=" + orderId + ", account=" + accountId + ", symbol=" + symbolId
                + ", " + side + " " + qty + "@" + price + ", filled=" + filledQty + ", status=" + status
                + ", reject=" + rejectReason + ", cancel=" + cancelReason + ", trade=" + tradeId + " " + lastQty
                + "@" + lastPrice + " " + liquidity + ", bookSeq=" + bookSequence + ", count=" + count + "}";
    }
}

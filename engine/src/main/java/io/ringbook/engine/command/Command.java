package io.ringbook.engine.command;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;

/**
 * One input to the business logic, and the inbound ring buffer's preallocated slot.
 * Producers claim a slot, {@link #clear()} it, fill the fields their command uses and
 * publish; the journaling thread stamps {@link #sequence} and {@link #eventTimeNanos}.
 * Fields are public and mutable on purpose: this is a flyweight, not a value.
 * Prices are ticks and quantities lots of the symbol; times are epoch nanoseconds.
 */
public final class Command {

    public CommandType type;
    /** Chosen by the producer to match the outcome to its caller; 0 when nobody waits. */
    public long correlationId;
    /** When the producer published it; for latency only, never for decisions. */
    public long ingressNanos;
    /** When the batch holding it was journaled; for latency only, never journaled or decided on. */
    public long journaledNanos;
    /** Stamped by the journaling thread; the only time the business logic reads. */
    public long eventTimeNanos;
    /** Stamped by the journaling thread: position in the total order of inputs. */
    public long sequence;

    public int accountId;
    public int symbolId;
    public Side side;
    public OrderType orderType;
    public TimeInForce timeInForce;
    public StpMode stpMode;
    public boolean postOnly;
    /** Limit price in ticks; 0 for MARKET, and on an amend for "unchanged". */
    public long price;
    /** Quantity in lots; on an amend the new total, 0 for "unchanged". */
    public long qty;
    /** GTD expiry; 0 otherwise. */
    public long expireTimeNanos;
    /** The target of a cancel or amend. */
    public long orderId;
    /** Cancel-all-after timeout; 0 disarms. */
    public long timeoutNanos;
    /**
     * NEW_ORDER: the door connection the order entered through (a FIX connection's
     * number, unique and growing across restarts), 0 for none (REST, internal);
     * CANCEL_ON_DISCONNECT: the connection that went away, whose orders and those of the
     * account's earlier connections it cancels (0, in journals from before origins: all
     * of the account's orders).
     */
    public long origin;
    public final ClOrdId clOrdId = new ClOrdId();
    /**
     * A cancel or amend may name its target by its current clOrdId (whatever day it was
     * placed) instead of by {@link #orderId} (0): FIX's OrigClOrdID, resolved by the logic
     * so that a request sent right after its order is never refused for being too quick.
     */
    public final ClOrdId origClOrdId = new ClOrdId();
    /** The breaker a TRIP_BREAKER or RESET_BREAKER names. */
    public BreakerKind breakerKind;
    /** SET_LIMITS: the new limits; immutable, so slots may share it. */
    public AccountLimits limits;

    /** Resets every field, so a reused slot carries nothing from its previous command. */
    public Command clear() {
        type = null;
        correlationId = 0;
        ingressNanos = 0;
        journaledNanos = 0;
        eventTimeNanos = 0;
        sequence = 0;
        accountId = -1;
        symbolId = -1;
        side = null;
        orderType = null;
        timeInForce = null;
        stpMode = StpMode.CANCEL_RESTING;
        postOnly = false;
        price = 0;
        qty = 0;
        expireTimeNanos = 0;
        orderId = 0;
        timeoutNanos = 0;
        origin = 0;
        clOrdId.clear();
        origClOrdId.clear();
        breakerKind = null;
        limits = null;
        return this;
    }

    public void copyFrom(Command other) {
        type = other.type;
        correlationId = other.correlationId;
        ingressNanos = other.ingressNanos;
        journaledNanos = other.journaledNanos;
        eventTimeNanos = other.eventTimeNanos;
        sequence = other.sequence;
        accountId = other.accountId;
        symbolId = other.symbolId;
        side = other.side;
        orderType = other.orderType;
        timeInForce = other.timeInForce;
        stpMode = other.stpMode;
        postOnly = other.postOnly;
        price = other.price;
        qty = other.qty;
        expireTimeNanos = other.expireTimeNanos;
        orderId = other.orderId;
        timeoutNanos = other.timeoutNanos;
        origin = other.origin;
        clOrdId.copyFrom(other.clOrdId);
        origClOrdId.copyFrom(other.origClOrdId);
        breakerKind = other.breakerKind;
        limits = other.limits;
    }

    /** Fills this slot as a new order; the remaining fields keep their cleared defaults. */
    public Command newOrder(int account, int symbol, Side orderSide, OrderType type, TimeInForce tif, long limitPrice, long lots) {
        clear();
        this.type = CommandType.NEW_ORDER;
        this.accountId = account;
        this.symbolId = symbol;
        this.side = orderSide;
        this.orderType = type;
        this.timeInForce = tif;
        this.price = limitPrice;
        this.qty = lots;
        return this;
    }

    public Command cancel(int account, long targetOrderId) {
        clear();
        this.type = CommandType.CANCEL_ORDER;
        this.accountId = account;
        this.orderId = targetOrderId;
        return this;
    }

    public Command amend(int account, long targetOrderId, long newPrice, long newQty) {
        clear();
        this.type = CommandType.AMEND_ORDER;
        this.accountId = account;
        this.orderId = targetOrderId;
        this.price = newPrice;
        this.qty = newQty;
        return this;
    }

    public Command massCancel(int account, int symbol) {
        clear();
        this.type = CommandType.MASS_CANCEL;
        this.accountId = account;
        this.symbolId = symbol;
        return this;
    }

    /** Cancels the account's open orders that entered through the connection {@code connection} (see {@link #origin}). */
    public Command cancelOnDisconnect(int account, long connection) {
        clear();
        this.type = CommandType.CANCEL_ON_DISCONNECT;
        this.accountId = account;
        this.origin = connection;
        return this;
    }

    public Command cancelAllAfter(int account, long timeout) {
        clear();
        this.type = CommandType.CANCEL_ALL_AFTER;
        this.accountId = account;
        this.timeoutNanos = timeout;
        return this;
    }

    public Command clockTick() {
        clear();
        this.type = CommandType.CLOCK_TICK;
        return this;
    }

    public Command snapshot() {
        clear();
        this.type = CommandType.SNAPSHOT;
        return this;
    }

    public Command haltSymbol(int symbol, boolean halt) {
        clear();
        this.type = halt ? CommandType.HALT_SYMBOL : CommandType.RESUME_SYMBOL;
        this.symbolId = symbol;
        return this;
    }

    /** Trips ({@code trip}) or resets a breaker; {@code target} is an account or a symbol id as the kind says. */
    public Command breaker(BreakerKind kind, int target, boolean trip) {
        clear();
        this.type = trip ? CommandType.TRIP_BREAKER : CommandType.RESET_BREAKER;
        this.breakerKind = kind;
        if (kind.perAccount()) {
            this.accountId = target;
        } else {
            this.symbolId = target;
        }
        return this;
    }

    /** Activates ({@code on}) or releases the kill switch of an account, or the global one for {@code account < 0}. */
    public Command killSwitch(int account, boolean on) {
        clear();
        this.type = on ? CommandType.KILL_SWITCH : CommandType.RELEASE_KILL_SWITCH;
        this.accountId = account;
        return this;
    }

    public Command setLimits(int account, AccountLimits newLimits) {
        clear();
        this.type = CommandType.SET_LIMITS;
        this.accountId = account;
        this.limits = newLimits;
        return this;
    }
}

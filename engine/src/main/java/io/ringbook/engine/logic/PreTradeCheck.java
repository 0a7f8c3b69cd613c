package io.ringbook.engine.logic;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.state.StateBuffer;

/**
 * Pre-trade risk as the business logic calls it: on its own thread, after every earlier
 * fill and cancel, before matching, with time only from the command. Returning anything
 * but {@link RejectReason#NONE} refuses the command with that reason and changes
 * nothing. The risk module implements it; {@link #ACCEPT_ALL} stands in for tests of
 * matching alone, which is why everything past the two checks has a do-nothing default.
 */
public interface PreTradeCheck {

    PreTradeCheck ACCEPT_ALL = new PreTradeCheck() {
        @Override
        public RejectReason checkNewOrder(Command order) {
            return RejectReason.NONE;
        }

        @Override
        public RejectReason checkAmend(Command amend, Order order) {
            return RejectReason.NONE;
        }
    };

    /** Builds the check once the business logic it guards exists, handing it what it may see and do. */
    @FunctionalInterface
    interface Factory {
        PreTradeCheck create(RiskContext context);
    }

    /** A factory for {@link #ACCEPT_ALL}. */
    Factory NONE = context -> ACCEPT_ALL;

    RejectReason checkNewOrder(Command order);

    /** {@code amend} carries the new price and qty (0 = unchanged); {@code order} is as it stands. */
    RejectReason checkAmend(Command amend, Order order);

    /** The worst price an accepted MARKET order may trade at (its collar), or 0 for none. */
    default long marketCollar(int symbolId, Side side) {
        return 0;
    }

    /**
     * Asked before every trade: false stops the incoming order before this trade (the
     * price would move beyond what the symbol's breaker allows; the check has opened it).
     */
    default boolean tradeAllowed(int symbolId, long price, long nowNanos) {
        return true;
    }

    /**
     * Whether the trades of one sweep, from {@code firstPrice} to {@code lastPrice}
     * (prices monotone, all at {@code nowNanos}), would each pass {@link #tradeAllowed};
     * changes nothing. A FOK order is judged by it before its first trade.
     */
    default boolean sweepAllowed(int symbolId, long firstPrice, long lastPrice, long nowNanos) {
        return true;
    }

    /** A new order passed every check, risk's and matching's, and is about to trade or rest. */
    default void orderAccepted(int accountId, int symbolId) {
    }

    /** A trade happened between these accounts. */
    default void traded(int symbolId, long price, int buyAccount, int sellAccount, long nowNanos) {
    }

    /** A new order was refused, by risk or by matching (FOK, post-only). */
    default void orderRejected(int accountId, RejectReason reason, long nowNanos) {
    }

    /** Self-trade prevention canceled one of the account's orders. */
    default void selfTradePrevented(int accountId) {
    }

    /** Time passed: cool-downs, the trading-day roll and loss limits are judged at {@code nowNanos}. */
    default void clockTick(long nowNanos) {
    }

    /**
     * An operator or admin command: halts, breakers, kill switches, limits. Reports at
     * least one event unless it returns a decision whose carrying out reports one.
     */
    default ControlDecision control(Command command) {
        return ControlDecision.DONE;
    }

    /** Appends the check's state to a snapshot. */
    default void writeState(StateBuffer out) {
    }

    /** Reads what {@link #writeState} wrote, into a freshly built check. */
    default void readState(StateBuffer in) {
    }
}

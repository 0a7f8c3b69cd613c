package io.ringbook.engine.limits;

/**
 * Risk state as monitoring reads it from other threads, while the engine runs: each
 * value is published by the business-logic thread with a release store after it
 * changes, so a reader sees every value whole, though two values read one after the
 * other may straddle a command. The risk module implements it; the gateways and the
 * admin API read it without knowing that module.
 */
public interface RiskStatus {

    /** {@code target}: an account id or a symbol id, as the kind says. */
    BreakerStatus breaker(BreakerKind kind, int target);

    boolean halted(int symbolId);

    /** An account's switch, or the global one for {@code accountId < 0}. */
    KillSwitchStatus killSwitch(int accountId);

    AccountLimits limits(int accountId);

    /** Orders of the account canceled by self-trade prevention so far. */
    long selfTradeCancels(int accountId);

    /** The cap on the open orders of all accounts together ({@link AccountLimits#UNLIMITED} for none). */
    long venueMaxOpenOrders();
}

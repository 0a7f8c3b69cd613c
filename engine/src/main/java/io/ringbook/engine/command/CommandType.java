package io.ringbook.engine.command;

/** Every kind of input that may change engine state; nothing changes it by any other path. */
public enum CommandType {
    NEW_ORDER,
    CANCEL_ORDER,
    AMEND_ORDER,
    /** Cancel an account's open orders, on one symbol or all ({@code symbolId < 0}). */
    MASS_CANCEL,
    /** Arm ({@code timeoutNanos > 0}) or disarm (0) an account's dead-man's switch. */
    CANCEL_ALL_AFTER,
    /** Time passes: expiries and timers fire at the command's event time. */
    CLOCK_TICK,
    /** Take a snapshot of the whole state at this point of the command sequence. */
    SNAPSHOT,
    /** Operator: stop trading a symbol (new orders and amends refused; cancels still work). */
    HALT_SYMBOL,
    RESUME_SYMBOL,
    /** Operator: open a breaker ({@code breakerKind}, target in {@code accountId} or {@code symbolId}). */
    TRIP_BREAKER,
    /** Operator: close a breaker and forget its consecutive trips. */
    RESET_BREAKER,
    /** Operator: block an account's ({@code accountId < 0}: every account's) new orders and cancel its open ones. */
    KILL_SWITCH,
    RELEASE_KILL_SWITCH,
    /** Admin: replace an account's limits with {@code limits}. */
    SET_LIMITS,
    /** A FIX session of the account went away: cancel its open orders (reason DISCONNECT). */
    CANCEL_ON_DISCONNECT
}

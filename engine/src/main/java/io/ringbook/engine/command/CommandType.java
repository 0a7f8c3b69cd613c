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
    SNAPSHOT
}

package io.ringbook.engine.domain;

/** Why an order left the book without filling completely (the contract's cancelReason values). */
public enum CancelReason {
    NONE,
    USER,
    MASS_CANCEL,
    IOC_REMAINDER,
    MARKET_REMAINDER,
    SELF_TRADE,
    EXPIRED,
    KILL_SWITCH,
    DISCONNECT,
    CANCEL_ALL_AFTER
}

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
    CANCEL_ALL_AFTER,
    /**
     * The rest of an incoming order whose next trade would have moved the price beyond
     * the volatility breaker: the breaker opened and the order did not rest, since it
     * would have crossed the book.
     */
    BREAKER_OPEN
}

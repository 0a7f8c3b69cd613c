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
    BREAKER_OPEN,
    /**
     * The rest of an order whose next trade could not have been counted exactly (an
     * order's filled notional, or an account's position, cost basis, PnL or fees, beyond
     * 63 bits): the trade was not made, and the order, incoming or resting, ended here.
     */
    UNREPRESENTABLE
}

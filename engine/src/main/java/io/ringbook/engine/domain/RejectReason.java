package io.ringbook.engine.domain;

/**
 * Why the engine refused a command. The first group are the contract's order reject
 * reasons (REST 422, FIX OrdRejReason); the second answers cancels and amends
 * (REST 404/409/400, FIX CxlRejReason); {@link #NONE} means accepted, so the hot path
 * never needs null.
 */
public enum RejectReason {
    NONE,
    UNKNOWN_SYMBOL,
    MAX_ORDER_QTY,
    MAX_NOTIONAL,
    MAX_POSITION,
    MAX_GROSS_NOTIONAL,
    MAX_CONCENTRATION,
    MAX_OPEN_ORDERS,
    DAILY_LOSS_LIMIT,
    PRICE_BAND,
    THROTTLED,
    SYMBOL_HALTED,
    BREAKER_OPEN,
    MARKET_CLOSED,
    KILL_SWITCH,
    FOK_NOT_FILLED,
    POST_ONLY_WOULD_TAKE,
    SELF_TRADE,
    /** The command's shape is invalid (the edge normally refuses it first with a 400). */
    INVALID_ORDER,
    UNKNOWN_ACCOUNT,
    UNKNOWN_ORDER,
    TOO_LATE_TO_CANCEL,
    /** An amend whose new total quantity does not exceed what has already filled. */
    INVALID_QTY,
    /**
     * The account already used this clOrdId today; the event carries the orderId it went
     * to, and no new order is made (REST answers 200 for the same body, 409 otherwise).
     */
    DUPLICATE_CLORDID
}

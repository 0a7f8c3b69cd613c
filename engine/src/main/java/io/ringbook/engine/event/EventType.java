package io.ringbook.engine.event;

/** Every outcome the business logic reports: execution reports, acknowledgements, risk and control changes. */
public enum EventType {
    /** A new order passed the checks and got its orderId; fills, if any, follow. */
    ORDER_ACCEPTED,
    /** A new order was refused; it still has an orderId and uses up its clOrdId. */
    ORDER_REJECTED,
    /** One side of a trade: the order's state after the fill, the trade's price, qty and fee. */
    ORDER_FILLED,
    ORDER_CANCELED,
    /** A DAY or GTD order reached its expiry (status CANCELED, reason EXPIRED). */
    ORDER_EXPIRED,
    /** An amend took effect; fills it caused, if any, follow. */
    ORDER_REPLACED,
    CANCEL_REJECTED,
    AMEND_REJECTED,
    /** Closes a mass cancel: {@code count} orders were canceled by it (each reported before). */
    MASS_CANCEL_DONE,
    /** A cancel-all-after deadline was armed ({@code expireTimeNanos}) or disarmed (0). */
    CANCEL_ALL_AFTER_SET,
    /**
     * The total quantity at one price level changed ({@code qty} 0 removes the level), as
     * engines reported it before the depth book was derived from the order events outside
     * the logic: found only in older output journals, which are still read; never emitted.
     */
    BOOK_LEVEL,
    /** The state after this command is being snapshotted; its id is the command's sequence. */
    SNAPSHOT_TAKEN,
    /**
     * A breaker changed state: its kind and target (accountId or symbolId), state, trips
     * ({@code count}), opened-at ({@code createdTimeNanos}), next retry
     * ({@code expireTimeNanos}, 0 for none) and health score.
     */
    BREAKER_CHANGED,
    /** A symbol was halted ({@code active}) or resumed by an operator. */
    SYMBOL_STATUS,
    /** A kill switch was activated ({@code active}, {@code count} orders canceled) or released. */
    KILL_SWITCH_CHANGED,
    /** An account's limits were replaced. */
    LIMITS_CHANGED,
    /** An operator command named a symbol, account or breaker that does not exist; nothing changed. */
    CONTROL_REJECTED
}

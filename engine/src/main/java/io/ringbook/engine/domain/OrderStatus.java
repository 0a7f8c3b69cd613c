package io.ringbook.engine.domain;

/** The state of an order as clients see it; an expired order is CANCELED with cancel reason EXPIRED. */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED;

    /** Whether the order can still trade. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}

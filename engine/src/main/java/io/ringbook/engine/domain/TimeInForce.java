package io.ringbook.engine.domain;

/** How long an order may work: until canceled, immediately, all-or-nothing, for the trading day, or until a time. */
public enum TimeInForce {
    GTC,
    IOC,
    FOK,
    DAY,
    GTD;

    /** Whether an order with this time in force may rest on the book. */
    public boolean mayRest() {
        return this == GTC || this == DAY || this == GTD;
    }
}

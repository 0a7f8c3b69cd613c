package io.ringbook.engine.domain;

/** The side of an order; a trade has a buyer and a seller, so the book keeps one ladder per side. */
public enum Side {
    BUY,
    SELL;

    /** The side an order of this side trades against. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill gives to a position. */
    public long sign() {
        return this == BUY ? 1 : -1;
    }
}

package io.ringbook.engine.domain;

/** Whether a fill added liquidity (the resting order) or took it (the incoming order); fees differ. */
public enum Liquidity {
    MAKER,
    TAKER
}

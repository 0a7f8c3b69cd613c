package io.ringbook.engine.domain;

/**
 * Self-trade prevention: what happens when an incoming order would trade against a
 * resting order of the same account. The incoming order's mode decides.
 */
public enum StpMode {
    CANCEL_RESTING,
    CANCEL_INCOMING,
    CANCEL_BOTH
}

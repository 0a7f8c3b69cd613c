package io.ringbook.engine.limits;

/** A circuit breaker's state: CLOSED lets everything through, OPEN nothing, HALF_OPEN a few probes. */
public enum BreakerState {
    CLOSED,
    OPEN,
    HALF_OPEN
}

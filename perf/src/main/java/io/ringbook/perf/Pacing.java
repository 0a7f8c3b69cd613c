package io.ringbook.perf;

import io.ringbook.engine.pipeline.EpochClock;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until an order's intended send time without adding the client's own lateness
 * to the latency measured from that time: {@code parkNanos} wakes 50-100 us late on
 * Linux (the timer slack, then the scheduler), and at 500 orders/s that alone was
 * about a sixth of the FIX round trip recorded. So it parks until shortly before the
 * time and spins the rest: at most {@value #SPIN_MAX_NANOS} ns, and never more than a
 * tenth of the interval between orders, so that a paced client leaves the cores to the
 * server it measures.
 */
final class Pacing {

    static final long SPIN_MAX_NANOS = 150_000;

    private final EpochClock clock;
    private final long spinNanos;

    /** @param intervalNanos the time between two orders */
    Pacing(EpochClock clock, long intervalNanos) {
        this.clock = clock;
        this.spinNanos = Math.min(SPIN_MAX_NANOS, intervalNanos / 10);
    }

    /** Returns at {@code dueEpochNanos} or just after (at once if it has passed). */
    void awaitUntil(long dueEpochNanos) {
        for (long wait = dueEpochNanos - clock.epochNanos(); wait > 0; wait = dueEpochNanos - clock.epochNanos()) {
            if (wait > spinNanos) {
                LockSupport.parkNanos(wait - spinNanos);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}

package io.ringbook.engine.pipeline;

/**
 * Wall time in epoch nanoseconds, read only at the edges of the business logic: by
 * producers for ingress time and by the decision thread to stamp event time.
 */
@FunctionalInterface
public interface EpochClock {

    long epochNanos();

    /** The system clock, read once, then advanced by the monotonic {@link System#nanoTime()}. */
    static EpochClock system() {
        long offset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        return () -> offset + System.nanoTime();
    }
}

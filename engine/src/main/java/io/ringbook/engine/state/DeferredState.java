package io.ringbook.engine.state;

/**
 * The part of a snapshot that the logic thread leaves to another thread: a view of data
 * the logic no longer changes (the day's clOrdId entries made before the snapshot
 * point), so that the logic's pause does not grow with the day's flow.
 */
@FunctionalInterface
public interface DeferredState {

    /** Writes the deferred part; may run on any one thread, once, after the logic wrote the rest. */
    void writeTo(StateBuffer out);
}

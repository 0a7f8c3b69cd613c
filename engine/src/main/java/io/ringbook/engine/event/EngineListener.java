package io.ringbook.engine.event;


/**
 * A reader of the engine's outcomes on the outbound thread (gateways, market data,
 * latency recorders). The event is the ring's slot: valid only during the call, so keep
 * a {@link EngineEvent#copy()} if needed. A slow listener delays the others and, once
 * the outbound ring fills, the business logic: hand heavy work to a queue of your own.
 */
@FunctionalInterface
public interface EngineListener {

    void onEvent(EngineEvent event);

    /** The outbound thread has no more events for now: a place to flush what was batched. */
    default void onEndOfBatch() {
    }
}

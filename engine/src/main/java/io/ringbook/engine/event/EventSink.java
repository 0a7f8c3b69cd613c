package io.ringbook.engine.event;

/**
 * Where the business logic puts its outcomes. The event passed in is the logic's own
 * scratch object: a sink copies what it needs before returning. Behind the ring buffer
 * the sink publishes to the outbound ring; in tests and replay it may collect.
 */
public interface EventSink {

    void onEvent(EngineEvent event);

    /** All events of the command with this sequence have been passed to {@link #onEvent}. */
    void onCommandEnd(long sequence);
}

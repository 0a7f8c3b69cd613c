package io.ringbook.engine.event;

/**
 * Where the business logic puts its outcomes. The event passed in is the logic's own
 * scratch object unless the sink handed out its own with {@link #claim}: a sink copies
 * what it needs of a scratch event before returning. Behind the ring buffer
 * the sink publishes to the outbound ring; in tests and replay it may collect.
 */
public interface EventSink {

    /**
     * Where the logic writes its next event, which it then clears, fills and passes to
     * {@link #onEvent}: by default its own {@code scratch}; a sink over a ring returns
     * the claimed slot itself, so the event is written once and never copied.
     */
    default EngineEvent claim(EngineEvent scratch) {
        return scratch;
    }

    /** The event is the one {@link #claim} returned, now filled. */
    void onEvent(EngineEvent event);

    /** All events of the command with this sequence have been passed to {@link #onEvent}. */
    void onCommandEnd(long sequence);
}

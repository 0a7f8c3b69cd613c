package io.ringbook.engine.event;


/**
 * Runs the business logic's output straight into a listener, without a ring: holds each
 * event back until the next one or the end of its command, so the last event of every
 * command reaches the listener flagged, exactly as the outbound ring delivers it.
 * For recovery, replay and backtests, which run the logic on the caller's thread. Like
 * the ring, it hands the logic its own event to write into ({@link #claim}): two events
 * in turn, one held back while the logic writes the other, so no event is copied.
 */
public final class ListenerSink implements EventSink {

    private final EngineListener listener;
    private EngineEvent pending = new EngineEvent();
    private EngineEvent filling = new EngineEvent();
    private boolean holding;

    public ListenerSink(EngineListener listener) {
        this.listener = listener;
    }

    @Override
    public EngineEvent claim(EngineEvent scratch) {
        return filling;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event != filling) {
            filling.copyFrom(event);
        }
        if (holding) {
            listener.onEvent(pending);
        }
        EngineEvent filled = filling;
        filling = pending;
        pending = filled;
        holding = true;
    }

    @Override
    public void onCommandEnd(long sequence) {
        if (holding) {
            pending.lastOfCommand = true;
            listener.onEvent(pending);
            holding = false;
        }
    }
}

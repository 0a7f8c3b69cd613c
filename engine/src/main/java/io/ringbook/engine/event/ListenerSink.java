package io.ringbook.engine.event;


/**
 * Runs the business logic's output straight into a listener, without a ring: holds each
 * event back until the next one or the end of its command, so the last event of every
 * command reaches the listener flagged, exactly as the outbound ring delivers it.
 * For recovery, replay and backtests, which run the logic on the caller's thread.
 */
public final class ListenerSink implements EventSink {

    private final EngineListener listener;
    private final EngineEvent pending = new EngineEvent();
    private boolean holding;

    public ListenerSink(EngineListener listener) {
        this.listener = listener;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (holding) {
            listener.onEvent(pending);
        }
        pending.copyFrom(event);
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

package io.ringbook.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;

/** Runs on the outbound thread and passes each event to every listener, in registration order. */
final class OutboundHandler implements EventHandler<EngineEvent> {

    private final EngineListener[] listeners;

    OutboundHandler(EngineListener[] listeners) {
        this.listeners = listeners;
    }

    @Override
    public void onEvent(EngineEvent event, long sequence, boolean endOfBatch) {
        for (EngineListener listener : listeners) {
            listener.onEvent(event);
        }
        if (endOfBatch) {
            for (EngineListener listener : listeners) {
                listener.onEndOfBatch();
            }
        }
    }
}

package io.ringbook.journal;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;

/**
 * A sink whose target can change between commands: recovery builds the logic with its
 * catch-up sink behind this, then points it at the pipeline's outbound ring, so the
 * recovered logic itself goes live.
 */
public final class SwitchableSink implements EventSink {

    private EventSink target;

    public SwitchableSink(EventSink initial) {
        this.target = initial;
    }

    public void switchTo(EventSink newTarget) {
        this.target = newTarget;
    }

    @Override
    public EngineEvent claim(EngineEvent scratch) {
        return target.claim(scratch);
    }

    @Override
    public void onEvent(EngineEvent event) {
        target.onEvent(event);
    }

    @Override
    public void onCommandEnd(long sequence) {
        target.onCommandEnd(sequence);
    }
}

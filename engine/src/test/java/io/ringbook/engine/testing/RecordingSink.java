package io.ringbook.engine.testing;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;

import java.util.ArrayList;
import java.util.List;

/** Keeps a copy of every event, and marks the last of each command as the pipeline would. */
public final class RecordingSink implements EventSink {

    private final List<EngineEvent> events = new ArrayList<>();

    @Override
    public void onEvent(EngineEvent event) {
        events.add(event.copy());
    }

    @Override
    public void onCommandEnd(long sequence) {
        if (!events.isEmpty() && events.get(events.size() - 1).sequence == sequence) {
            events.get(events.size() - 1).lastOfCommand = true;
        }
    }

    public List<EngineEvent> events() {
        return events;
    }

    /** Returns the events recorded so far and forgets them. */
    public List<EngineEvent> drain() {
        List<EngineEvent> drained = new ArrayList<>(events);
        events.clear();
        return drained;
    }
}

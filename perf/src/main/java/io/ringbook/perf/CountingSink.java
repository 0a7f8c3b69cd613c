package io.ringbook.perf;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;

/** Counts events and folds a field of each into a checksum, so the JIT cannot drop the work. */
public final class CountingSink implements EventSink {

    private long events;
    private long checksum;

    @Override
    public void onEvent(EngineEvent event) {
        events++;
        checksum += event.orderId ^ event.qty;
    }

    @Override
    public void onCommandEnd(long sequence) {
        checksum += sequence;
    }

    public long events() {
        return events;
    }

    public long checksum() {
        return checksum;
    }
}

package io.ringbook.app;

import io.ringbook.engine.event.EngineListener;
import io.ringbook.journal.Journal;
import io.ringbook.journal.OutputEvents;
import io.ringbook.views.orders.EventHistory;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The output journal as the REST gateway's {@link EventHistory}: history pages read it
 * from its start; one order no longer kept is read from near where it began
 * ({@link OutputEvents#replayAfter(Journal, long, Iterable, BooleanSupplier)}) until it is done.
 */
final class JournalHistory implements EventHistory {

    private final Journal journal;

    JournalHistory(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void replay(EngineListener listener) {
        OutputEvents.replay(journal, List.of(listener));
    }

    @Override
    public void replayAfter(long sequence, EngineListener listener, BooleanSupplier enough) {
        OutputEvents.replayAfter(journal, sequence, List.of(listener), enough);
    }
}

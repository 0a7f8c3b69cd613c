package io.ringbook.app;

import io.ringbook.engine.event.EngineListener;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.OutputEvents;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.views.ReadModels;
import io.ringbook.views.ViewsSnapshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models at start without reading all of history: from the newest
 * read-model snapshot that an engine snapshot and the output journal agree with (one
 * taken at a sequence the engine has a snapshot of, and not beyond the output journal's
 * end, as after a restore to an earlier point), then the output journal's events after
 * it; without one, from the whole output journal, as before. Listeners that keep orders
 * of their own (the FIX reports) are first given every order the restored model keeps.
 */
final class ReadModelsStart {

    /**
     * @param restoredAt the sequence of the read-model snapshot used, 0 if none
     * @param events     the output journal's events read
     * @param nanos      how long the rebuild took
     */
    record Outcome(long restoredAt, long events, long nanos) {
    }

    private ReadModelsStart() {
    }

    /**
     * @param listeners every read model to bring up to date, the restored ones among them
     * @param seeded    those among them not in the snapshot, seeded from the kept orders
     * @return what was read, and how long it took
     */
    static Outcome rebuild(Journal journal, SnapshotStore engineSnapshots, ViewsSnapshots snapshots, ReadModels models,
                        List<EngineListener> listeners, List<EngineListener> seeded) {
        long started = System.nanoTime();
        long outputEnd = JournalCursor.lastSequence(journal.output(), "output journal");
        Set<Long> engine;
        try {
            engine = engineSnapshots.newestFirst().stream().map(SnapshotStore.Snapshot::sequence).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long restored = snapshots.restore(sequence -> sequence <= outputEnd && engine.contains(sequence));
        if (restored == 0) {
            long events = OutputEvents.replay(journal, listeners);
            return new Outcome(0, events, System.nanoTime() - started);
        }
        seeded.forEach(models.orders()::replayKept);
        long events = OutputEvents.replayAfter(journal, restored, listeners);
        return new Outcome(restored, events, System.nanoTime() - started);
    }
}

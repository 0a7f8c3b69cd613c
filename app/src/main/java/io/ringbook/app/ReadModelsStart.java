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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models at start without reading all of history: from the newest
 * read-model snapshot that an engine snapshot and the journals agree with (one taken at a
 * sequence the engine has a snapshot of, and not beyond either journal's end, as after a
 * restore to an earlier point), then the output journal's events after it; without one,
 * from the whole output journal, as before. Listeners that keep orders of their own (the
 * FIX reports) are first given every order the restored model keeps.
 *
 * <p>The snapshot is read on a thread of its own while the engine recovers
 * ({@link #restoreAside}): after millions of orders a day both rebuild large clOrdId
 * indexes, and neither needs the other. Only when both journals' tails read cleanly
 * (recovery then cuts nothing a read-model snapshot could stand on); otherwise it is read
 * after recovery, as before.
 */
final class ReadModelsStart {

    /** {@link #restoreAside}'s answer when it read no snapshot because a journal's tail did not read cleanly. */
    private static final long AFTER_RECOVERY = -1;

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
     * Starts reading the newest usable read-model snapshot into the still empty models, on a
     * thread of its own, before recovery; {@link #rebuild} waits for it. Where the journals
     * end is read here, on the calling thread, before recovery may cut a torn tail: the
     * thread itself reads only the snapshot files.
     *
     * @return the sequence restored, 0 if none was usable, or -1 if it is left for after recovery
     */
    static CompletableFuture<Long> restoreAside(Journal journal, SnapshotStore engineSnapshots, ViewsSnapshots snapshots) {
        long journalsEnd;
        try {
            journalsEnd = Math.min(JournalCursor.lastSequence(journal.input(), "input journal"),
                    JournalCursor.lastSequence(journal.output(), "output journal"));
        } catch (RuntimeException tailNotClean) {
            return CompletableFuture.completedFuture(AFTER_RECOVERY); // recovery heals or refuses it; the snapshot is read after it
        }
        CompletableFuture<Long> restored = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                restored.complete(restore(engineSnapshots, snapshots, journalsEnd));
            } catch (Throwable failed) { // an Error too: the start waits for this answer, and must not wait for ever
                restored.completeExceptionally(failed);
            }
        }, "ringbook-views-restore");
        reader.setDaemon(true);
        reader.start();
        return restored;
    }

    /**
     * @param aside     what {@link #restoreAside} read, after recovery
     * @param listeners every read model to bring up to date, the restored ones among them
     * @param seeded    those among them not in the snapshot, seeded from the kept orders
     * @return what was read, and how long it took (waiting for the snapshot read aside included)
     */
    static Outcome rebuild(Journal journal, SnapshotStore engineSnapshots, ViewsSnapshots snapshots, ReadModels models,
                        CompletableFuture<Long> aside, List<EngineListener> listeners, List<EngineListener> seeded) {
        long started = System.nanoTime();
        long restored = aside.join();
        if (restored == AFTER_RECOVERY) {
            restored = restore(engineSnapshots, snapshots, JournalCursor.lastSequence(journal.output(), "output journal"));
        }
        if (restored == 0) {
            long events = OutputEvents.replay(journal, listeners);
            return new Outcome(0, events, System.nanoTime() - started);
        }
        seeded.forEach(models.orders()::replayKept);
        long events = OutputEvents.replayAfter(journal, restored, listeners);
        return new Outcome(restored, events, System.nanoTime() - started);
    }

    private static long restore(SnapshotStore engineSnapshots, ViewsSnapshots snapshots, long journalsEnd) {
        Set<Long> engine;
        try {
            engine = engineSnapshots.newestFirst().stream().map(SnapshotStore.Snapshot::sequence).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snapshots.restore(sequence -> sequence <= journalsEnd && engine.contains(sequence));
    }
}

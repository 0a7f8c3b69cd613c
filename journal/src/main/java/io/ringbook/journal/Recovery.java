package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.journal.codec.JournalFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Brings a business logic back to where the journal ends, before any gateway opens:
 * loads the newest usable snapshot (one whose outputs are all journaled; a snapshot
 * that fails its checks is reported and an older one, or none, is used), replays the
 * input journal after it with outbound sending suppressed, except that the events of
 * commands missing from the output journal (the process died between deciding and
 * journaling their outcomes) are journaled now, so the output journal is whole again.
 * Then turns the accounts' limits this start configures differently from the last one
 * into journaled SET_LIMITS commands ({@link LimitChanges}), and journals this run's
 * configuration, stamped with the start time. The caller
 * starts the pipeline with {@link Outcome#lastSequence()} and {@link Outcome#lastEventTimeNanos()}.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /**
     * The recovered state: the logic (sink switchable to the live pipeline), the snapshot
     * it started from (0 for none), what was skipped and why, and where the journal ended.
     */
    public record Outcome(BusinessLogic logic, SwitchableSink sink, long snapshotSequence, List<String> unusableSnapshots,
                          long commandsReplayed, long eventsRejournaled, long lastSequence, long lastEventTimeNanos,
                          List<String> limitsChanged, long nanosTaken) {
    }

    private Recovery() {
    }

    /**
     * @param configured   this run's reference data; it must equal the journal's but for limits
     * @param logicFactory builds a logic from reference data and a sink
     * @throws JournalFormatException if the journal is unreadable
     * @throws ConfigurationMismatchException if it was written with another configuration (limits aside)
     */
    public static Outcome recover(Journal journal, SnapshotStore snapshots, ReferenceData configured,
                                  BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory) {
        long started = System.nanoTime();
        long outputThrough = JournalCursor.lastSequence(journal.output(), "output journal");
        List<String> unusable = new ArrayList<>();
        for (SnapshotStore.Snapshot snapshot : candidates(snapshots, outputThrough)) {
            try {
                StateBuffer state = snapshots.load(snapshot, new StateBuffer(1 << 16));
                return replay(journal, configured, logicFactory, outputThrough, snapshot.sequence(), state, unusable, started);
            } catch (IOException | RuntimeException broken) {
                unusable.add(snapshot.file() + ": " + broken.getMessage());
                LOG.warn("snapshot {} is unusable ({}); trying an older one", snapshot.file(), broken.getMessage());
            }
        }
        return replay(journal, configured, logicFactory, outputThrough, 0, null, unusable, started);
    }

    private static List<SnapshotStore.Snapshot> candidates(SnapshotStore snapshots, long outputThrough) {
        try {
            return snapshots.newestFirst().stream().filter(s -> s.sequence() <= outputThrough).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + snapshots.directory(), e);
        }
    }

    private static Outcome replay(Journal journal, ReferenceData configured,
                                  BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory, long outputThrough,
                                  long snapshotSequence, StateBuffer state, List<String> unusable, long started) {
        OutputJournal output = new OutputJournal(journal);
        CatchUp catchUp = new CatchUp(output, outputThrough);
        SwitchableSink sink = new SwitchableSink(new ListenerSink(catchUp));
        InputReplay.Result replayed = InputReplay.run(journal, data -> {
            BusinessLogic restored = logicFactory.apply(data, sink);
            if (state != null) {
                restored.restoreState(state);
            }
            return restored;
        }, snapshotSequence, Long.MAX_VALUE, state != null ? configured : null);
        output.onEndOfBatch();
        BusinessLogic logic = replayed.logic();
        long lastSequence = replayed.lastSequence();
        long lastEventTime = replayed.lastEventTimeNanos();
        long startTime = Math.max(System.currentTimeMillis() * 1_000_000L, replayed.lastEventTimeNanos());
        List<String> limitsChanged = new ArrayList<>();
        List<String> mismatches = logic == null ? List.of() : LimitChanges.differences(replayed.latestReferenceData(), configured);
        if (logic == null) {
            logic = logicFactory.apply(configured, sink);
        } else if (!mismatches.isEmpty()) {
            throw new ConfigurationMismatchException(journal.directory(), mismatches);
        } else {
            List<Command> changes = LimitChanges.commands(replayed.latestReferenceData(), configured, lastSequence, startTime);
            if (!changes.isEmpty()) {
                new InputJournal(journal).recordStartUpCommands(changes);
                for (Command change : changes) {
                    logic.process(change);
                    limitsChanged.add(configured.accounts().name(change.accountId));
                }
                output.onEndOfBatch();
                lastSequence += changes.size();
                lastEventTime = startTime;
            }
        }
        new InputJournal(journal).recordConfiguration(configured, lastSequence, startTime);
        return new Outcome(logic, sink, snapshotSequence, List.copyOf(unusable), replayed.commands(), catchUp.written,
                lastSequence, lastEventTime, List.copyOf(limitsChanged),
                System.nanoTime() - started);
    }

    /** Passes on only the events of commands after {@code through}. */
    private static final class CatchUp implements EngineListener {
        private final EngineListener output;
        private final long through;
        private long written;

        CatchUp(EngineListener output, long through) {
            this.output = output;
            this.through = through;
        }

        @Override
        public void onEvent(EngineEvent event) {
            if (event.sequence > through) {
                output.onEvent(event);
                written++;
            }
        }
    }
}

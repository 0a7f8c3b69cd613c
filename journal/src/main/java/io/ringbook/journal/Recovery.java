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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Brings a business logic back to where the journal ends, before any gateway opens:
 * loads the newest usable snapshot (one whose outputs are all journaled; a snapshot
 * that fails its checks, whose state does not load, or that disagrees with the input
 * journal's record at its sequence is reported and an older one, or none, is used; one
 * past the input journal's end is deleted), replays the
 * input journal after it with outbound sending suppressed (reading it from the
 * snapshot's command on, not from its start, when the snapshot holds the journal's
 * configuration: start-up bounded by the snapshot interval, not by history), except that the events of
 * commands missing from the output journal (the process died between deciding and
 * journaling their outcomes) are journaled now, so the output journal is whole again.
 * Then turns the accounts' limits this start configures differently from the last one
 * into journaled SET_LIMITS commands ({@link LimitChanges}), and journals this run's
 * configuration, stamped with the start time. A snapshot's problems all show before the
 * first command after it is replayed, so before anything is written; any other failure
 * (of the journal or of the replay) stops the start at once and is never retried with
 * another snapshot, which would journal the same catch-up events twice. The caller
 * starts the pipeline with {@link Outcome#lastSequence()} and {@link Outcome#lastEventTimeNanos()}.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /**
     * The recovered state: the logic (sink switchable to the live pipeline), the snapshot
     * it started from (0 for none), what was skipped and why, where the journal ended,
     * and, if the output journal ran past the input, what was cut and where it went (else null);
     * how many quarantined commands the replay skipped; the torn last excerpts cut off.
     */
    public record Outcome(BusinessLogic logic, SwitchableSink sink, long snapshotSequence, List<String> unusableSnapshots,
                          long commandsReplayed, long eventsRejournaled, long lastSequence, long lastEventTimeNanos,
                          List<String> limitsChanged, String outputSetAside, long quarantinedSkipped, List<String> tornTailsCut,
                          long nanosTaken) {
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
        List<String> unusable = new ArrayList<>();
        List<String> tornTailsCut = cutTornTails(journal);
        long inputThrough = JournalCursor.lastSequence(journal.input(), "input journal");
        String outputSetAside = cutOutputAtInputsEnd(journal, inputThrough);
        long outputThrough = JournalCursor.lastSequence(journal.output(), "output journal");
        for (SnapshotStore.Snapshot snapshot : candidates(snapshots, inputThrough, outputThrough, unusable)) {
            SnapshotStore.Loaded loaded;
            try {
                loaded = snapshots.load(snapshot);
            } catch (IOException broken) {
                unusable(unusable, snapshot, broken.getMessage());
                continue;
            }
            try {
                return replay(journal, configured, logicFactory, outputThrough, snapshot.sequence(), loaded, unusable,
                        outputSetAside, tornTailsCut, started);
            } catch (UnusableSnapshotException broken) {
                unusable(unusable, snapshot, broken.getMessage());
            }
        }
        return replay(journal, configured, logicFactory, outputThrough, 0, null, unusable, outputSetAside, tornTailsCut, started);
    }

    /**
     * A torn last excerpt of either queue is cut off (and kept aside): in the input journal
     * it holds only commands never decided, so never acknowledged (a batch is decided after
     * its append, and under power-loss durability after it is on the device); the output
     * journal is derived and its tail is regenerated by the catch-up. Damage before the
     * last excerpt still stops the start.
     */
    private static List<String> cutTornTails(Journal journal) {
        List<String> cut = new ArrayList<>();
        for (boolean input : new boolean[] {true, false}) {
            try {
                String done = journal.cutTornTail(input);
                if (done != null) {
                    LOG.warn(done);
                    cut.add(done);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot cut the torn tail of the " + (input ? "input" : "output") + " journal", e);
            }
        }
        return List.copyOf(cut);
    }

    private static void unusable(List<String> unusable, SnapshotStore.Snapshot snapshot, String why) {
        unusable.add(snapshot.file() + ": " + why);
        LOG.warn("snapshot {} not used: {}", snapshot.file(), why);
    }

    /**
     * The snapshots recovery may start from, newest first: at or before the output
     * journal's end (a later one could not regenerate the missing outputs). Leftover
     * temporary files are deleted, and so are snapshots past the input journal's end: they
     * were taken from a journal tail that was lost, and the sequences after the end will
     * be reused by other commands.
     */
    private static List<SnapshotStore.Snapshot> candidates(SnapshotStore snapshots, long inputThrough, long outputThrough,
                                                           List<String> unusable) {
        try {
            int leftovers = snapshots.deleteTemporaryFiles();
            if (leftovers > 0) {
                LOG.warn("deleted {} temporary snapshot file(s) left by a crash while writing", leftovers);
            }
            List<SnapshotStore.Snapshot> all = snapshots.newestFirst();
            for (SnapshotStore.Snapshot past : all.stream().filter(s -> s.sequence() > inputThrough).toList()) {
                snapshots.delete(past);
                unusable(unusable, past, "past the input journal's end (sequence " + inputThrough + "): deleted");
            }
            return all.stream().filter(s -> s.sequence() <= Math.min(inputThrough, outputThrough)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list or delete snapshots in " + snapshots.directory(), e);
        }
    }

    /**
     * The output journal must end where the input does or before: events past the input's
     * last command belong to commands the input journal lost (a power cut that kept the
     * output's pages and not the input's), and the next commands would reuse their
     * sequences. Such events are cut off and kept aside; returns what was done, or null.
     */
    private static String cutOutputAtInputsEnd(Journal journal, long inputThrough) {
        long outputThrough = JournalCursor.lastSequence(journal.output(), "output journal");
        if (outputThrough <= inputThrough) {
            return null;
        }
        try {
            Path aside = journal.cutOutputAfter(inputThrough);
            String done = "the output journal ran past the input journal (events through sequence " + outputThrough
                    + ", commands through " + inputThrough + "): cut after " + inputThrough + ", the whole of it kept in " + aside;
            LOG.warn(done);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("the output journal runs past the input journal (" + outputThrough + " > "
                    + inputThrough + ") and could not be cut", e);
        }
    }

    private static Outcome replay(Journal journal, ReferenceData configured,
                                  BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory, long outputThrough,
                                  long snapshotSequence, SnapshotStore.Loaded snapshot, List<String> unusable,
                                  String outputSetAside, List<String> tornTailsCut, long started) {
        StateBuffer state = snapshot == null ? null : snapshot.state();
        try (CatchUpOutput catchUpQueue = new CatchUpOutput(journal)) {
            OutputJournal output = new OutputJournal(catchUpQueue.queue());
            CatchUp catchUp = new CatchUp(output, outputThrough);
            SwitchableSink sink = new SwitchableSink(new ListenerSink(catchUp));
            InputReplay.Result replayed = InputReplay.run(journal, data -> {
                BusinessLogic restored = logicFactory.apply(data, sink);
                if (state != null) {
                    try {
                        restored.restoreState(state);
                    } catch (RuntimeException broken) {
                        throw new UnusableSnapshotException("its state does not load: " + broken.getMessage(), broken);
                    }
                }
                return restored;
            }, snapshotSequence, snapshot == null ? InputReplay.UNCHECKED : snapshot.eventTimeNanos(), Long.MAX_VALUE,
                    state != null ? configured : null, snapshot == null ? null : snapshot.configuration());
            output.onEndOfBatch();
            if (replayed.quarantinedSkipped() > 0) {
                LOG.warn("skipped {} quarantined command(s) of the input journal (QUARANTINE records; `ringbook journal --type"
                        + " QUARANTINE` lists them)", replayed.quarantinedSkipped());
            }
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
                        limitsChanged.add(change.accountId < 0 ? "venue (maxOpenOrders)" : configured.accounts().name(change.accountId));
                    }
                    output.onEndOfBatch();
                    lastSequence += changes.size();
                    lastEventTime = startTime;
                }
            }
            catchUpQueue.moveTo(journal);
            new InputJournal(journal).recordConfiguration(configured, lastSequence, startTime);
            return new Outcome(logic, sink, snapshotSequence, List.copyOf(unusable), replayed.commands(), catchUp.written,
                    lastSequence, lastEventTime, List.copyOf(limitsChanged), outputSetAside, replayed.quarantinedSkipped(),
                    tornTailsCut, System.nanoTime() - started);
        }
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

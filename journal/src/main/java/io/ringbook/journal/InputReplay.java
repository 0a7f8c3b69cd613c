package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.pipeline.CommandFailedException;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.Hex;
import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Feeds the input journal, in order, into a business logic built from the journal's own
 * configuration (its first CONFIG record; a later start's CONFIG may differ only in
 * limits, whose changes follow it as SET_LIMITS commands). Used by recovery, replay and
 * backtests; what happens to the outcomes is up to the sink the caller builds the logic with.
 */
public final class InputReplay {

    /**
     * Where the input journal ended. {@code logic} is null if the journal is empty;
     * {@code quarantinedSkipped} counts the commands skipped because a QUARANTINE record names them;
     * {@code referenceData} is what the logic was built from, {@code latestReferenceData}
     * the last start's configuration (they differ only in limits, {@link LimitChanges}).
     */
    public record Result(BusinessLogic logic, ReferenceData referenceData, ReferenceData latestReferenceData, long commands,
                         long lastSequence, long lastEventTimeNanos, long quarantinedSkipped) {
    }

    private InputReplay() {
    }

    /** Replays the whole input journal. */
    public static Result run(Journal journal, Function<ReferenceData, BusinessLogic> logicFactory) {
        return run(journal, logicFactory, 0);
    }

    /**
     * Replays the commands after {@code skipThrough} (a snapshot's sequence: the logic the
     * factory builds already holds the state up to it).
     *
     * @param logicFactory builds the logic from the journaled reference data; called once
     * Commands a QUARANTINE record names are skipped (the sequence runs on over them).
     *
     * @throws JournalFormatException on an unreadable excerpt, a command before any
     *                                configuration, a gap in the sequence, or a later run's configuration that differs from the first
     * @throws CommandFailedException if the logic fails on a command
     */
    public static Result run(Journal journal, Function<ReferenceData, BusinessLogic> logicFactory, long skipThrough) {
        return run(journal, logicFactory, skipThrough, Long.MAX_VALUE);
    }

    /** The same, stopping after the command {@code throughSequence} (the state at a point of the run, for restores and audits). */
    public static Result run(Journal journal, Function<ReferenceData, BusinessLogic> logicFactory, long skipThrough,
                             long throughSequence) {
        return run(journal, logicFactory, skipThrough, UNCHECKED, throughSequence, null);
    }

    /** For {@code snapshotTimeNanos}: the record at {@code skipThrough} is not checked. */
    public static final long UNCHECKED = Long.MIN_VALUE;

    /**
     * The same, for recovery from a snapshot: the journal's record at {@code skipThrough},
     * if the journal still holds it, must be the {@code SNAPSHOT} command with event time
     * {@code snapshotTimeNanos} ({@link UnusableSnapshotException} if not; checked before
     * any command is replayed). For a journal whose oldest cycles retention deleted: if
     * it starts with a command rather than a CONFIG record, the logic is built from
     * {@code fallback} (the run's configuration), which recovery may do when a snapshot
     * covers the gap.
     */
    public static Result run(Journal journal, Function<ReferenceData, BusinessLogic> logicFactory, long skipThrough,
                             long snapshotTimeNanos, long throughSequence, ReferenceData fallback) {
        return run(journal, logicFactory, skipThrough, snapshotTimeNanos, throughSequence, fallback, null);
    }

    /**
     * The same, for recovery from a snapshot that holds the journal's configuration at it
     * ({@code atSnapshot}, not null): the input journal is read from the excerpt of the
     * snapshot's command on (found from the end, backwards), not from its start, and the
     * logic is built from that configuration (the state restored into it holds whatever
     * differs from the journal's first one: limits only); the quarantines are read from
     * the same excerpt on. With {@code atSnapshot} null, as {@link #run(Journal, Function,
     * long, long, long, ReferenceData)}.
     */
    public static Result run(Journal journal, Function<ReferenceData, BusinessLogic> logicFactory, long skipThrough,
                             long snapshotTimeNanos, long throughSequence, ReferenceData fallback, ReferenceData atSnapshot) {
        Command command = new Command();
        BusinessLogic logic = null;
        ReferenceData referenceData = null;
        ReferenceData latest = null;
        byte[] firstConfig = null;
        long commands = 0;
        long lastSequence = 0;
        long lastTime = 0;
        long skipped = 0;
        long quarantinedSkipped = 0;
        boolean fromSnapshot = atSnapshot != null && skipThrough > 0;
        // the excerpt of the snapshot's command or one before it: records with the snapshot's sequence (a later run's
        // CONFIG) may follow the command in excerpts of their own
        long start = fromSnapshot ? JournalCursor.indexAfter(journal.input(), "input journal", skipThrough - 1) : -1;
        Quarantines quarantines = Quarantines.from(journal, start);
        if (fromSnapshot) {
            referenceData = atSnapshot;
            latest = atSnapshot;
            firstConfig = new byte[0]; // any later CONFIG is checked against the latest, as after a first one
            logic = logicFactory.apply(atSnapshot);
        }
        boolean reached = !fromSnapshot;
        try (JournalCursor cursor = JournalCursor.at(journal.input(), "input journal", start)) {
            while (cursor.next()) {
                int offset = cursor.offset();
                RecordType type = RecordHeader.type(cursor.buffer(), offset);
                if (!reached) {
                    // records of the snapshot's excerpt before its command: the snapshot and its configuration cover them
                    if (RecordHeader.sequence(cursor.buffer(), offset) < skipThrough) {
                        continue;
                    }
                    reached = true;
                }
                if (type == RecordType.CONFIG) {
                    byte[] config = new byte[RecordHeader.length(cursor.buffer(), offset) - RecordHeader.LENGTH];
                    cursor.buffer().getBytes(offset + RecordHeader.LENGTH, config);
                    ReferenceData decoded = ConfigCodec.decode(cursor.buffer(), offset);
                    if (firstConfig == null && logic != null) {
                        firstConfig = config;
                    } else if (firstConfig == null) {
                        firstConfig = config;
                        referenceData = decoded;
                        logic = logicFactory.apply(referenceData);
                    } else if (!Arrays.equals(firstConfig, config) && !LimitChanges.compatible(latest, decoded)) {
                        throw new JournalFormatException("the configuration changed at sequence "
                                + RecordHeader.sequence(cursor.buffer(), offset)
                                + "; only limits may change between starts of one journal");
                    }
                    latest = decoded;
                    continue;
                }
                if (type == RecordType.QUARANTINE) {
                    continue;
                }
                if (logic == null && fallback != null) {
                    referenceData = fallback;
                    latest = latest == null ? fallback : latest;
                    logic = logicFactory.apply(fallback);
                }
                if (logic == null) {
                    throw new JournalFormatException("input journal has a command before any CONFIG record");
                }
                if (RecordHeader.sequence(cursor.buffer(), offset) <= skipThrough) {
                    lastSequence = RecordHeader.sequence(cursor.buffer(), offset);
                    lastTime = RecordHeader.eventTime(cursor.buffer(), offset);
                    if (lastSequence == skipThrough && snapshotTimeNanos != UNCHECKED
                            && (type != RecordType.SNAPSHOT || lastTime != snapshotTimeNanos)) {
                        throw new UnusableSnapshotException("the input journal's record at sequence " + skipThrough + " is "
                                + type + " at " + lastTime + ", not the snapshot taken at " + snapshotTimeNanos
                                + " (a snapshot of another timeline)", null);
                    }
                    skipped++;
                    continue;
                }
                if (RecordHeader.sequence(cursor.buffer(), offset) > throughSequence) {
                    break;
                }
                CommandCodec.decode(cursor.buffer(), offset, command);
                // the snapshot holds everything through skipThrough, whatever retention left of the journal before it
                long previous = Math.max(lastSequence, skipThrough);
                if (command.sequence != previous + 1) {
                    throw new JournalFormatException("input journal jumps from sequence " + previous + " to " + command.sequence
                            + (previous == skipThrough && skipThrough > 0 ? " (the snapshot's)" : ""));
                }
                if (quarantines.contains(command.sequence)) {
                    quarantinedSkipped++;
                } else {
                    decide(logic, command, cursor);
                }
                lastSequence = command.sequence;
                lastTime = command.eventTimeNanos;
                commands++;
            }
        }
        if ((skipped > 0 || fromSnapshot) && lastSequence < skipThrough) {
            throw new JournalFormatException("the input journal ends at sequence " + lastSequence
                    + ", before the snapshot's " + skipThrough);
        }
        return new Result(logic, referenceData, latest == null ? referenceData : latest, commands, lastSequence, lastTime,
                quarantinedSkipped);
    }

    /**
     * Decides one journaled command; a logic failure names it, with its record in hex, so
     * that it can be quarantined. A failure of the caller's sink (reading or writing a
     * journal) is not the command's and passes as it is.
     */
    private static void decide(BusinessLogic logic, Command command, JournalCursor cursor) {
        try {
            logic.process(command);
        } catch (JournalFormatException | UncheckedIOException sinkFailure) {
            throw sinkFailure;
        } catch (RuntimeException failure) {
            throw new CommandFailedException(command.sequence, command.type, Hex.ofRecord(cursor.buffer(), cursor.offset()), failure);
        }
    }
}

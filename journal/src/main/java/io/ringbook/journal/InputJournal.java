package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.pipeline.JournalStage;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.Hex;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.ConfigCodec;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * The pipeline's journal stage: encodes each command of a Disruptor batch into one
 * {@link JournalBatch} and appends it as a single excerpt at the end of the batch,
 * before the batch is decided, made durable as the journal's {@link Durability} says
 * (under power-loss, on the device) before {@link #endOfBatch()} returns. Runs on the
 * decision thread only; allocates nothing per command.
 */
public final class InputJournal implements JournalStage {

    private final Journal journal;
    /** Journaled again in each new daily cycle file, or null for none. */
    private final ReferenceData configuration;
    private final JournalBatch batch;
    private ExcerptAppender appender;
    private int configCycle;
    private long lastAppended;
    private long lastTime;
    private volatile long lastJournaled;

    /** Journals commands only: for start-up records, tools and benchmarks. */
    public InputJournal(Journal journal) {
        this(journal, null);
    }

    /**
     * The live engine's journal stage: it also journals {@code configuration} (this run's,
     * as recovery journaled it at start) in every new daily cycle file, right after the
     * day's first batch, so that retention never leaves a journal without a CONFIG record
     * to check the configuration against and to derive changed limits from.
     */
    public InputJournal(Journal journal, ReferenceData configuration) {
        this.journal = journal;
        this.configuration = configuration;
        this.batch = new JournalBatch(journal.pretouchTrack(true));
    }

    /**
     * Journals the run's reference data as its own excerpt; call once at start-up, before
     * the pipeline runs, with where recovery left off.
     */
    public void recordConfiguration(ReferenceData data, long lastSequence, long eventTimeNanos) {
        JournalBatch config = new JournalBatch();
        config.added(ConfigCodec.encode(data, lastSequence, eventTimeNanos, config.buffer(), config.position()));
        appendAtStartUp(config);
    }

    /** Journals commands decided at start-up, before the pipeline runs, as a batch of their own. */
    public void recordStartUpCommands(List<Command> commands) {
        JournalBatch startUpBatch = new JournalBatch();
        for (Command command : commands) {
            startUpBatch.added(CommandCodec.encode(command, startUpBatch.buffer(), startUpBatch.position()));
        }
        appendAtStartUp(startUpBatch);
    }

    private void appendAtStartUp(JournalBatch startUpBatch) {
        try (ExcerptAppender startUp = journal.input().createAppender()) {
            startUpBatch.appendTo(startUp);
            journal.syncInput(startUp);
        }
    }

    @Override
    public void append(Command command) {
        batch.added(CommandCodec.encode(command, batch.buffer(), batch.position()));
        lastAppended = command.sequence;
        lastTime = command.eventTimeNanos;
    }

    /**
     * Journals a record as it is, in the current batch: for the cluster gateway, which
     * journals the commands as the cluster decided them (sequence and event time set) and
     * the QUARANTINE records of those the cluster's logic failed on.
     */
    public void appendRecord(DirectBuffer record, int offset, int length) {
        batch.buffer().putBytes(batch.position(), record, offset, length);
        batch.added(length);
        if (RecordHeader.type(record, offset).isCommand()) {
            lastAppended = RecordHeader.sequence(record, offset);
            lastTime = RecordHeader.eventTime(record, offset);
        }
    }

    /** Encodes the command again, off the hot path: only for the report of a command the logic failed on. */
    @Override
    public String recordHex(Command command) {
        ExpandableArrayBuffer record = new ExpandableArrayBuffer(CommandCodec.MAX_LENGTH); // SET_LIMITS may be longer
        return Hex.of(record, 0, CommandCodec.encode(command, record, 0));
    }

    /** The sequence of the last command appended and flushed to the queue (read by monitoring). */
    public long lastJournaled() {
        return lastJournaled;
    }

    @Override
    public void endOfBatch() {
        if (batch.isEmpty()) {
            return;
        }
        if (appender == null) {
            appender = journal.input().createAppender();
            configCycle = journal.inputLastCycle();
        }
        batch.appendTo(appender);
        if (configuration != null && appender.cycle() != configCycle) {
            batch.added(ConfigCodec.encode(configuration, lastAppended, lastTime, batch.buffer(), batch.position()));
            batch.appendTo(appender);
            configCycle = appender.cycle();
        }
        journal.syncInput(appender);
        lastJournaled = lastAppended;
    }
}

package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.pipeline.JournalStage;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import net.openhft.chronicle.queue.ExcerptAppender;

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
    private final JournalBatch batch = new JournalBatch();
    private ExcerptAppender appender;
    private long lastAppended;
    private volatile long lastJournaled;

    public InputJournal(Journal journal) {
        this.journal = journal;
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
        }
        batch.appendTo(appender);
        journal.syncInput(appender);
        lastJournaled = lastAppended;
    }
}

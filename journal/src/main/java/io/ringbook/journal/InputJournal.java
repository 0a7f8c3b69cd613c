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
 * before the batch is decided. Runs on the decision thread only; allocates nothing
 * per command.
 */
public final class InputJournal implements JournalStage {

    private final Journal journal;
    private final boolean sync;
    private final JournalBatch batch = new JournalBatch();
    private ExcerptAppender appender;
    private long lastAppended;
    private volatile long lastJournaled;

    public InputJournal(Journal journal) {
        this.journal = journal;
        this.sync = journal.durability() == Durability.POWER_LOSS;
    }

    /**
     * Journals the run's reference data as its own excerpt; call once at start-up, before
     * the pipeline runs, with where recovery left off.
     */
    public void recordConfiguration(ReferenceData data, long lastSequence, long eventTimeNanos) {
        JournalBatch config = new JournalBatch();
        config.added(ConfigCodec.encode(data, lastSequence, eventTimeNanos, config.buffer(), config.position()));
        try (ExcerptAppender startUp = journal.input().createAppender()) {
            config.appendTo(startUp);
        }
    }

    /** Journals commands decided at start-up, before the pipeline runs, as a batch of their own. */
    public void recordStartUpCommands(List<Command> commands) {
        JournalBatch startUpBatch = new JournalBatch();
        for (Command command : commands) {
            startUpBatch.added(CommandCodec.encode(command, startUpBatch.buffer(), startUpBatch.position()));
        }
        try (ExcerptAppender startUp = journal.input().createAppender()) {
            startUpBatch.appendTo(startUp);
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
        if (sync) {
            appender.sync();
        }
        lastJournaled = lastAppended;
    }
}

package io.ringbook.cluster;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.OutputJournal;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.agrona.DirectBuffer;

/**
 * The cluster gateway's audit journal, in the single-process engine's layout: the input
 * journal holds the configuration and every command as the cluster's log sequenced it
 * (its sequence, the log's time), with the QUARANTINE record of any the logic failed on;
 * the output journal every event. So {@code ringbook journal} and audit queries read a
 * gateway's data directory as an engine's, and {@code ringbook replay} of it with the
 * single-process engine reproduces the cluster's outputs byte for byte. Commands are
 * journaled before their events, at the end of each egress poll.
 */
public final class GatewayJournal implements ClusterOutputs {

    /** What a gateway's journal already holds: egress frames, and its last command. */
    public record Held(long frames, long lastSequence, long lastEventTimeNanos) {
    }

    private final Journal journal;
    private final ReferenceData configuration;
    private final InputJournal input;
    private final OutputJournal output;

    /** @param output the output journal the gateway's health and journal status also read */
    public GatewayJournal(Journal journal, ReferenceData configuration, OutputJournal output) {
        this.journal = journal;
        this.configuration = configuration;
        this.input = new InputJournal(journal, configuration);
        this.output = output;
    }

    /**
     * Reads what the journal holds and journals this run's configuration after it; call
     * once at start, before the client runs. The count of frames is the number to resume
     * the cluster's egress after, for a journal kept since the cluster's first frame.
     */
    public Held open() {
        long frames = 0;
        long lastSequence = 0;
        long lastTime = 0;
        try (JournalCursor commands = new JournalCursor(journal.input(), "input journal")) {
            while (commands.next()) {
                RecordType type = RecordHeader.type(commands.buffer(), commands.offset());
                if (type.isCommand()) {
                    frames++;
                    lastSequence = RecordHeader.sequence(commands.buffer(), commands.offset());
                    lastTime = RecordHeader.eventTime(commands.buffer(), commands.offset());
                } else if (type == RecordType.QUARANTINE) {
                    frames++;
                }
            }
        }
        try (JournalCursor events = new JournalCursor(journal.output(), "output journal")) {
            while (events.next()) {
                frames++;
            }
        }
        input.recordConfiguration(configuration, lastSequence, lastTime);
        return new Held(frames, lastSequence, lastTime);
    }

    /** The input journal (for the gateway's journal status). */
    public InputJournal input() {
        return input;
    }

    @Override
    public void onInput(DirectBuffer record, int offset, int length) {
        input.appendRecord(record, offset, length);
    }

    @Override
    public void onEvent(EngineEvent event) {
        output.onEvent(event);
    }

    @Override
    public void onEndOfBatch() {
        input.endOfBatch();
        output.onEndOfBatch();
    }
}

package io.ringbook.journal;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.journal.codec.EventCodec;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Journals every outbound event, on one outbound consumer's thread at a time (its own,
 * or the edges' it follows until they are cut off and it takes over): events are gathered and
 * appended as one excerpt when the outbound ring has nothing more for now, or when a
 * batch grows past {@value #FLUSH_BYTES} bytes, but always after the last event of a
 * command, so the output journal holds whole commands only and recovery can tell
 * exactly where it stopped.
 */
public final class OutputJournal implements EngineListener {

    static final int FLUSH_BYTES = 48 * 1024;

    private final ChronicleQueue queue;
    private final JournalBatch batch;
    private ExcerptAppender appender;
    /** The thread that appends: the outbound thread, until a cut-off of the edges hands the journal to its own thread. */
    private Thread appending;
    private boolean commandOpen;
    private long lastAppended;
    private volatile long lastJournaled;
    /** Events gathered but not yet appended: the output journal's lag behind the engine, published at each end of batch. */
    private final AtomicLong pending = new AtomicLong();
    private long gathered;

    public OutputJournal(Journal journal) {
        this(journal.output(), new JournalBatch(journal.pretouchTrack(false)));
    }

    /** Journals into another queue of the output's kind (recovery's {@link CatchUpOutput}). */
    OutputJournal(ChronicleQueue queue) {
        this(queue, new JournalBatch());
    }

    private OutputJournal(ChronicleQueue queue, JournalBatch batch) {
        this.queue = queue;
        this.batch = batch;
    }

    @Override
    public void onEvent(EngineEvent event) {
        batch.added(EventCodec.encode(event, batch.buffer(), batch.position()));
        commandOpen = !event.lastOfCommand;
        lastAppended = event.sequence;
        gathered++;
        if (!commandOpen && batch.bytes() >= FLUSH_BYTES) {
            flush();
        }
    }

    @Override
    public void onEndOfBatch() {
        if (!commandOpen) {
            flush();
        }
        pending.lazySet(gathered);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        if (appender == null) {
            appender = queue.createAppender();
            appending = Thread.currentThread();
        } else if (appending != Thread.currentThread()) {
            // handed over (the pipeline orders the two threads' steps): Chronicle checks that one thread uses an appender
            appender.singleThreadedCheckReset();
            appending = Thread.currentThread();
        }
        batch.appendTo(appender);
        lastJournaled = lastAppended;
        gathered = 0;
    }

    /** Events decided but not yet in the output journal (read by monitoring). */
    public long pendingEvents() {
        return pending.get();
    }

    /** The sequence of the command whose events were appended last (read by monitoring). */
    public long lastJournaled() {
        return lastJournaled;
    }
}

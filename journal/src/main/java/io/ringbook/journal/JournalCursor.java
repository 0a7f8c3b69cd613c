package io.ringbook.journal;

import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * Walks the records of one queue in order, excerpt by excerpt, each excerpt verified
 * (see {@link ExcerptView}) before its first record is offered. The one reader behind
 * recovery, replay, audits and the {@code journal} command. Use it on one thread.
 */
public final class JournalCursor implements AutoCloseable {

    private final ExcerptTailer tailer;
    private final String name;
    private final ExcerptView excerpt = new ExcerptView();
    private int remaining;
    private int offset;
    private int nextOffset;

    public JournalCursor(ChronicleQueue queue, String name) {
        this(queue.createTailer(), name);
    }

    private JournalCursor(ExcerptTailer tailer, String name) {
        this.tailer = tailer;
        this.name = name;
    }

    /**
     * A cursor at the first excerpt that may hold records after {@code sequence}: found by
     * reading backwards from the end, so it costs the excerpts after that point, not the
     * whole queue. The caller skips the records of that excerpt up to {@code sequence}.
     */
    public static JournalCursor after(ChronicleQueue queue, String name, long sequence) {
        return at(queue, name, indexAfter(queue, name, sequence));
    }

    /** A cursor at the excerpt of queue index {@code index} ({@link #indexAfter}), or at the queue's start for -1. */
    public static JournalCursor at(ChronicleQueue queue, String name, long index) {
        ExcerptTailer tailer = queue.createTailer();
        if (index >= 0) {
            tailer.moveToIndex(index);
        }
        return new JournalCursor(tailer, name);
    }

    /**
     * The queue index of the first excerpt that may hold records after {@code sequence}
     * (see {@link #after}), or -1 for the queue's start; found by reading backwards from
     * the end.
     */
    public static long indexAfter(ChronicleQueue queue, String name, long sequence) {
        long start = -1;
        try (ExcerptTailer backward = queue.createTailer()) {
            backward.direction(TailerDirection.BACKWARD).toEnd();
            ExcerptView view = new ExcerptView();
            while (true) {
                try (DocumentContext document = backward.readingDocument()) {
                    if (!document.isPresent()) {
                        break;
                    }
                    view.load(document, name);
                    start = document.index();
                }
                if (RecordHeader.sequence(view.buffer(), view.firstRecord()) <= sequence) {
                    break;
                }
            }
        }
        return start;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the queue
     * @throws io.ringbook.journal.codec.JournalFormatException if the next excerpt fails its checks
     */
    public boolean next() {
        while (remaining == 0) {
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return false;
                }
                excerpt.load(document, name);
            }
            remaining = excerpt.count();
            nextOffset = excerpt.firstRecord();
        }
        offset = nextOffset;
        nextOffset += RecordHeader.length(excerpt.buffer(), offset);
        remaining--;
        return true;
    }

    public DirectBuffer buffer() {
        return excerpt.buffer();
    }

    public int offset() {
        return offset;
    }

    /** The sequence of the last record of the queue's last excerpt, or 0 if the queue is empty. */
    public static long lastSequence(ChronicleQueue queue, String name) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            ExcerptView last = new ExcerptView();
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return 0;
                }
                last.load(document, name);
            }
            int at = last.firstRecord();
            for (int i = 1; i < last.count(); i++) {
                at += RecordHeader.length(last.buffer(), at);
            }
            return RecordHeader.sequence(last.buffer(), at);
        }
    }

    @Override
    public void close() {
        tailer.close();
    }
}

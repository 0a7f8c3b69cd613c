package io.ringbook.journal;

import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.function.LongPredicate;

/**
 * Whole journal excerpts, verified, with their queue index: what a backup copies out of
 * a live queue and what a restore appends back, byte for byte. Records inside an
 * excerpt stay the journal's business; these move batches.
 */
public final class Excerpts {

    private Excerpts() {
    }

    /** Receives one verified excerpt: its bytes (valid up to {@code length}) and its queue index. */
    @FunctionalInterface
    public interface Sink {
        void accept(byte[] bytes, int length, long index, ExcerptView view);
    }

    /**
     * Reads the excerpts of {@code queue} after index {@code after} (all if {@code after < 0});
     * returns how many were read.
     *
     * @throws JournalFormatException if the queue no longer holds {@code after} (never
     *                                read from its start instead, which would repeat what was copied)
     */
    public static long read(ChronicleQueue queue, String name, long after, Sink sink) {
        long read = 0;
        ExcerptView view = new ExcerptView();
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (after >= 0) {
                if (!tailer.moveToIndex(after)) {
                    throw new JournalFormatException(name + " no longer holds index " + Long.toHexString(after)
                            + ", where the last copy left off; nothing after it can be copied without a gap or a repeat");
                }
                try (DocumentContext skipped = tailer.readingDocument()) {
                    skipped.isPresent();
                }
            }
            while (true) {
                long index;
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent()) {
                        return read;
                    }
                    index = document.index();
                    view.load(document, name);
                }
                sink.accept(view.bytes(), view.length(), index, view);
                read++;
            }
        }
    }

    /** Appends raw excerpt bytes as one document, whole or not at all. */
    public static void append(ExcerptAppender appender, byte[] bytes, int length) {
        JournalBatch.appendWhole(appender, excerpt -> excerpt.write(bytes, 0, length));
    }

    /**
     * Appends the records of a verified excerpt whose sequence passes {@code keep}: the
     * excerpt as it is if all do, a new batch of the kept ones if only some do. Returns
     * how many records were kept.
     */
    public static int appendKept(ExcerptAppender appender, ExcerptView view, LongPredicate keep) {
        JournalBatch batch = new JournalBatch();
        int at = view.firstRecord();
        int kept = 0;
        for (int i = 0; i < view.count(); i++) {
            int length = RecordHeader.length(view.buffer(), at);
            if (keep.test(RecordHeader.sequence(view.buffer(), at))) {
                batch.buffer().putBytes(batch.position(), view.buffer(), at, length);
                batch.added(length);
                kept++;
            }
            at += length;
        }
        if (kept == view.count()) {
            append(appender, view.bytes(), view.length());
        } else if (kept > 0) {
            batch.appendTo(appender);
        }
        return kept;
    }
}

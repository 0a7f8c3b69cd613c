package io.ringbook.journal;

import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Records gathered for one Chronicle Queue excerpt, so that a Disruptor batch of commands
 * (or a run of outbound events) costs one append. Layout of an excerpt:
 * <pre>
 *   0  i32 magic "RBJ1"
 *   4  i32 record count
 *   8  i32 CRC32C of the records
 *  12  records, each starting with its {@link RecordHeader}
 * </pre>
 * The buffer is reused and off-heap, so the append is one native-to-native copy into
 * the mapped queue file (a heap array goes through a much slower copy loop in Chronicle
 * Bytes); it grows only if one batch outgrows every earlier one.
 */
final class JournalBatch {

    static final int MAGIC = 0x314A4252;
    static final int HEADER = 12;
    static final int COUNT = 4;
    static final int CRC = 8;

    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64 * 1024);
    private final CRC32C crc = new CRC32C();
    private final PageToucher.Track pretouch;
    private ByteBuffer wrapped;
    private BytesStore<?, ?> store;
    private int position = HEADER;
    /** Made once: a lambda made per append would allocate on the decision thread. */
    private final Consumer<Bytes<?>> writeBatch;
    private int count;

    /** A batch whose appends nobody pre-touches for (start-up records, tools). */
    JournalBatch() {
        this(PageToucher.Track.NONE);
    }

    /** A batch that reports where each append ended to {@code pretouch}, so the pages after it are touched in time. */
    JournalBatch(PageToucher.Track pretouch) {
        this.pretouch = pretouch;
        this.writeBatch = bytes -> {
            bytes.write(store, 0L, (long) position);
            this.pretouch.wrote(bytes);
        };
    }

    /** Where the next record goes: encode at {@link #position()}, then call {@link #added}. */
    MutableDirectBuffer buffer() {
        return buffer;
    }

    int position() {
        return position;
    }

    void added(int recordLength) {
        position += recordLength;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int bytes() {
        return position;
    }

    /** Appends the batch as one excerpt and starts a new batch. */
    void appendTo(ExcerptAppender appender) {
        if (wrapped != buffer.byteBuffer()) {
            wrapped = buffer.byteBuffer();
            store = BytesStore.wrap(wrapped);
        }
        wrapped.limit(position).position(HEADER);
        crc.reset();
        crc.update(wrapped);
        wrapped.clear();
        buffer.putInt(0, MAGIC, RecordHeader.ORDER);
        buffer.putInt(COUNT, count, RecordHeader.ORDER);
        buffer.putInt(CRC, (int) crc.getValue(), RecordHeader.ORDER);
        try {
            appendWhole(appender, writeBatch);
        } finally {
            position = HEADER;
            count = 0;
        }
    }

    /**
     * Appends what {@code write} writes as one excerpt, or nothing: if the write fails
     * part-way (a full disk fails a mapped write with an {@code InternalError}),
     * the excerpt is rolled back, not committed torn, which Chronicle's
     * {@code DocumentContext.close()} would do on its own.
     */
    static void appendWhole(ExcerptAppender appender, Consumer<Bytes<?>> write) {
        DocumentContext document = appender.writingDocument();
        try {
            write.accept(document.wire().bytes());
        } catch (Throwable failed) {
            document.rollbackOnClose();
            throw failed;
        } finally {
            document.close();
        }
    }
}

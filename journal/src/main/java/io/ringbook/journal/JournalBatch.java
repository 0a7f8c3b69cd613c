package io.ringbook.journal;

import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

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
 * The buffer is reused; it grows only if one batch outgrows every earlier one.
 */
final class JournalBatch {

    static final int MAGIC = 0x314A4252;
    static final int HEADER = 12;
    static final int COUNT = 4;
    static final int CRC = 8;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024);
    private final CRC32C crc = new CRC32C();
    private int position = HEADER;
    private int count;

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
        crc.reset();
        crc.update(buffer.byteArray(), HEADER, position - HEADER);
        buffer.putInt(0, MAGIC, RecordHeader.ORDER);
        buffer.putInt(COUNT, count, RecordHeader.ORDER);
        buffer.putInt(CRC, (int) crc.getValue(), RecordHeader.ORDER);
        try (DocumentContext document = appender.writingDocument()) {
            document.wire().bytes().write(buffer.byteArray(), 0, position);
        }
        position = HEADER;
        count = 0;
    }
}

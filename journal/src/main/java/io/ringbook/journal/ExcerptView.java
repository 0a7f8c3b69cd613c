package io.ringbook.journal;

import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

/**
 * One excerpt read back and checked (from a queue, or from a backup segment): its bytes copied into a reused buffer, the magic,
 * record count, checksum and every record's length verified before any record is
 * handed out. A failed check names the queue and the excerpt's index.
 */
public final class ExcerptView {

    private final CRC32C crc = new CRC32C();
    private byte[] bytes = new byte[64 * 1024];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private int length;
    private int count;

    /** Copies and verifies an excerpt held elsewhere (a backup segment). */
    public void load(byte[] source, int sourceLength, String where) {
        if (sourceLength > bytes.length) {
            bytes = new byte[Math.max(sourceLength, bytes.length * 2)];
            buffer.wrap(bytes);
        }
        System.arraycopy(source, 0, bytes, 0, sourceLength);
        length = sourceLength;
        verify(where);
    }

    public int length() {
        return length;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Copies and verifies the document's excerpt. */
    void load(DocumentContext document, String queue) {
        Bytes<?> source = document.wire().bytes();
        length = (int) source.readRemaining();
        if (length > bytes.length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
            buffer.wrap(bytes);
        }
        source.read(bytes, 0, length);
        verify(queue + " excerpt at index " + Long.toHexString(document.index()));
    }

    public UnsafeBuffer buffer() {
        return buffer;
    }

    public int count() {
        return count;
    }

    /** Offset of the first record; each next one is at offset + its length. */
    public int firstRecord() {
        return JournalBatch.HEADER;
    }

    private void verify(String where) {
        if (length < JournalBatch.HEADER || buffer.getInt(0, RecordHeader.ORDER) != JournalBatch.MAGIC) {
            throw new JournalFormatException(where + ": not a Ringbook journal batch");
        }
        count = buffer.getInt(JournalBatch.COUNT, RecordHeader.ORDER);
        crc.reset();
        crc.update(bytes, JournalBatch.HEADER, length - JournalBatch.HEADER);
        if ((int) crc.getValue() != buffer.getInt(JournalBatch.CRC, RecordHeader.ORDER)) {
            throw new JournalFormatException(where + ": checksum mismatch (corrupt or torn write)");
        }
        int offset = JournalBatch.HEADER;
        for (int i = 0; i < count; i++) {
            int recordLength = offset + RecordHeader.LENGTH <= length ? RecordHeader.length(buffer, offset) : 0;
            if (recordLength < RecordHeader.LENGTH || offset + recordLength > length) {
                throw new JournalFormatException(where + ": record " + i + " is cut short");
            }
            offset += recordLength;
        }
        if (offset != length) {
            throw new JournalFormatException(where + ": " + (length - offset) + " bytes after the last record");
        }
    }
}

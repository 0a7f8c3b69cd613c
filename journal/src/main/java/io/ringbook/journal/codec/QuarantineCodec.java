package io.ringbook.journal.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * An operator's quarantine of one journaled command as a {@link RecordType#QUARANTINE}
 * record of the input journal: recovery and replay skip that command (the logic failed
 * on it), and the record itself is the audit of the skip. Like a CONFIG record it
 * carries the sequence and event time of the command it follows, not its own.
 * <pre>
 *   0  header (sequence and time: of the journal's last command when it was written)
 *  20  i64 sequence of the quarantined command
 *  28  u8  record type code of the quarantined command
 *  29  u8  reason length n, then n bytes of UTF-8 reason (at most {@value #MAX_REASON_BYTES})
 * </pre>
 */
public final class QuarantineCodec {

    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_REASON_BYTES = 200;
    public static final int MAX_LENGTH = RecordHeader.LENGTH + 10 + MAX_REASON_BYTES;
    private static final int TARGET = RecordHeader.LENGTH;
    private static final int TARGET_TYPE = TARGET + 8;
    private static final int REASON = TARGET_TYPE + 1;

    private QuarantineCodec() {
    }

    /** @throws IllegalArgumentException if the reason is empty or longer than {@value #MAX_REASON_BYTES} UTF-8 bytes */
    public static int encode(long sequence, long eventTimeNanos, long quarantined, RecordType quarantinedType, String reason,
                             MutableDirectBuffer buffer, int offset) {
        byte[] text = reason.strip().getBytes(StandardCharsets.UTF_8);
        if (text.length == 0 || text.length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("a quarantine needs a reason of 1 to " + MAX_REASON_BYTES + " bytes");
        }
        int length = REASON + 1 + text.length;
        RecordHeader.write(buffer, offset, length, RecordType.QUARANTINE, SCHEMA_VERSION, sequence, eventTimeNanos);
        buffer.putLong(offset + TARGET, quarantined, RecordHeader.ORDER);
        buffer.putByte(offset + TARGET_TYPE, (byte) quarantinedType.code());
        buffer.putByte(offset + REASON, (byte) text.length);
        buffer.putBytes(offset + REASON + 1, text);
        return length;
    }

    /** The sequence of the command the record at {@code offset} quarantines. */
    public static long quarantined(DirectBuffer buffer, int offset) {
        RecordHeader.check(buffer, offset, SCHEMA_VERSION);
        return buffer.getLong(offset + TARGET, RecordHeader.ORDER);
    }

    public static RecordType quarantinedType(DirectBuffer buffer, int offset) {
        return RecordType.of(buffer.getByte(offset + TARGET_TYPE) & 0xFF);
    }

    public static String reason(DirectBuffer buffer, int offset) {
        byte[] text = new byte[buffer.getByte(offset + REASON) & 0xFF];
        buffer.getBytes(offset + REASON + 1, text);
        return new String(text, StandardCharsets.UTF_8);
    }
}

package io.ringbook.journal.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.function.Predicate;

/**
 * The 20-byte header in front of every journal record, command or event:
 * <pre>
 *   0  u16 record length (header included)
 *   2  u8  record type ({@link RecordType#code()})
 *   3  u8  schema version of the record's layout
 *   4  i64 sequence of the command (for an event: of the command that caused it)
 *  12  i64 event time, epoch nanoseconds
 * </pre>
 * All journal integers are little-endian.
 */
public final class RecordHeader {

    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    public static final int LENGTH = 20;
    private static final int TYPE = 2;
    private static final int VERSION = 3;
    private static final int SEQUENCE = 4;
    private static final int TIME = 12;
    /** Where the sequence and the event time are, and their length: what a sequencer (the cluster's log) stamps on a command. */
    public static final int STAMP = SEQUENCE;
    public static final int STAMP_LENGTH = 16;

    private RecordHeader() {
    }

    static void write(MutableDirectBuffer buffer, int offset, int length, RecordType type, int version, long sequence, long time) {
        buffer.putShort(offset, (short) length, ORDER);
        buffer.putByte(offset + TYPE, (byte) type.code());
        buffer.putByte(offset + VERSION, (byte) version);
        buffer.putLong(offset + SEQUENCE, sequence, ORDER);
        buffer.putLong(offset + TIME, time, ORDER);
    }

    /** Sets the sequence and event time of the record at {@code offset}. */
    public static void stamp(MutableDirectBuffer buffer, int offset, long sequence, long time) {
        buffer.putLong(offset + SEQUENCE, sequence, ORDER);
        buffer.putLong(offset + TIME, time, ORDER);
    }

    public static int length(DirectBuffer buffer, int offset) {
        return buffer.getShort(offset, ORDER) & 0xFFFF;
    }

    /** The record's type; an unknown code is a {@link JournalFormatException}. */
    public static RecordType type(DirectBuffer buffer, int offset) {
        return RecordType.of(buffer.getByte(offset + TYPE) & 0xFF);
    }

    public static int version(DirectBuffer buffer, int offset) {
        return buffer.getByte(offset + VERSION) & 0xFF;
    }

    public static long sequence(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + SEQUENCE, ORDER);
    }

    public static long eventTime(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + TIME, ORDER);
    }

    /** Checks that the record at {@code offset} is of a known type and a version this build reads. */
    static RecordType check(DirectBuffer buffer, int offset, int supportedVersion) {
        RecordType type = type(buffer, offset);
        int version = version(buffer, offset);
        if (version > supportedVersion || version == 0) {
            throw new JournalFormatException("record " + type + " at sequence " + sequence(buffer, offset)
                    + " has schema version " + version + "; this build reads up to " + supportedVersion);
        }
        return type;
    }

    /**
     * {@link #check}, and that the record is of the {@code kind} a codec reads ({@code
     * RecordType::isCommand}, {@code RecordType::isEvent}), named {@code expected} ("a
     * command", "an event") in the refusal.
     */
    static RecordType check(DirectBuffer buffer, int offset, int supportedVersion, Predicate<RecordType> kind, String expected) {
        RecordType type = check(buffer, offset, supportedVersion);
        if (!kind.test(type)) {
            throw new JournalFormatException("expected " + expected + " record, found " + type);
        }
        return type;
    }
}

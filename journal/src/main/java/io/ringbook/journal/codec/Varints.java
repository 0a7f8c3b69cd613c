package io.ringbook.journal.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The variable-length numbers of the compact records: 7 bits a byte, low group first, the
 * high bit set on every byte but the last. Signed numbers are zigzag-mapped first, so a
 * small magnitude of either sign is short: most of a command's or an event's numbers
 * (counts, ticks, lots, ids of a day) fit in one to four bytes instead of eight.
 */
final class Varints {

    /** The longest varint: a 64-bit value in 7-bit groups. */
    static final int MAX_LENGTH = 10;

    private Varints() {
    }

    /** Writes {@code value} (unsigned) at {@code offset}; returns the bytes written. */
    static int put(MutableDirectBuffer buffer, int offset, long value) {
        int at = offset;
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer.putByte(at++, (byte) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        buffer.putByte(at++, (byte) rest);
        return at - offset;
    }

    /** Writes {@code value} zigzag-mapped; returns the bytes written. */
    static int putSigned(MutableDirectBuffer buffer, int offset, long value) {
        return put(buffer, offset, zigzag(value));
    }

    /**
     * The varint at {@code at} as written by {@link #put}, which must end before {@code end},
     * hold at most 64 bits and be as short as its value allows (so that {@link #length}
     * tells where it ends):
     * one that is not is a {@link JournalFormatException} naming the record and its field.
     */
    static long get(DirectBuffer buffer, int at, int end, String record, Object field) {
        if (at < end) {
            byte first = buffer.getByte(at);
            if (first >= 0) {
                return first;
            }
        }
        return getLonger(buffer, at, end, record, field);
    }

    private static long getLonger(DirectBuffer buffer, int at, int end, String record, Object field) {
        long raw = 0;
        int shift = 0;
        int i = at;
        byte b;
        do {
            if (i >= end || shift > 63) {
                throw refused(record, field, "is cut short");
            }
            b = buffer.getByte(i++);
            if (shift == 63 && (b & 0xFE) != 0) {
                throw refused(record, field, "has a varint beyond 64 bits");
            }
            raw |= (b & 0x7FL) << shift;
            shift += 7;
        } while (b < 0);
        if (b == 0) {
            throw refused(record, field, "has a varint longer than its value");
        }
        return raw;
    }

    private static JournalFormatException refused(String record, Object field, String why) {
        return new JournalFormatException(record + " field " + field + " " + why);
    }

    /** The varint at {@code at} as written by {@link #putSigned}. */
    static long getSigned(DirectBuffer buffer, int at, int end, String record, Object field) {
        return unzigzag(get(buffer, at, end, record, field));
    }

    /** The bytes {@link #put} writes for {@code raw}: where a varint {@link #get} read ends. */
    static int length(long raw) {
        return (64 - Long.numberOfLeadingZeros(raw | 1) + 6) / 7;
    }

    /** The bytes {@link #putSigned} writes for {@code value}. */
    static int signedLength(long value) {
        return length(zigzag(value));
    }

    static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    static long unzigzag(long raw) {
        return (raw >>> 1) ^ -(raw & 1);
    }
}

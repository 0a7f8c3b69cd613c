package io.ringbook.journal.codec;

import org.agrona.DirectBuffer;

/** Journal bytes as hex for people: the record of a failed command in the log, health and errors. */
public final class Hex {

    private Hex() {
    }

    /** {@code length} bytes from {@code offset}, two hex digits each, separated by spaces. */
    public static String of(DirectBuffer buffer, int offset, int length) {
        StringBuilder text = new StringBuilder(length * 3);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            int b = buffer.getByte(offset + i) & 0xFF;
            text.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }

    /** The whole record at {@code offset}, its length read from its header. */
    public static String ofRecord(DirectBuffer buffer, int offset) {
        return of(buffer, offset, RecordHeader.length(buffer, offset));
    }
}

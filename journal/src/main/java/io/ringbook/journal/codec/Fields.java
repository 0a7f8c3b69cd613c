package io.ringbook.journal.codec;

import io.ringbook.engine.domain.ClOrdId;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Field encodings shared by the codecs: enums as one byte (ordinal + 1, 0 for null;
 * the engine's enums only ever grow at the end) and client order ids as 41 bytes.
 */
final class Fields {

    static final int CL_ORD_ID_LENGTH = 41;

    private Fields() {
    }

    static void putEnum(MutableDirectBuffer buffer, int offset, Enum<?> value) {
        buffer.putByte(offset, (byte) (value == null ? 0 : value.ordinal() + 1));
    }

    static <E extends Enum<E>> E getEnum(DirectBuffer buffer, int offset, E[] values) {
        int code = buffer.getByte(offset) & 0xFF;
        if (code > values.length) {
            throw new JournalFormatException("value " + code + " out of range for " + values[0].getDeclaringClass().getSimpleName());
        }
        return code == 0 ? null : values[code - 1];
    }

    static void putClOrdId(MutableDirectBuffer buffer, int offset, ClOrdId id) {
        for (int i = 0; i < 5; i++) {
            buffer.putLong(offset + 8 * i, id.word(i), ORDER);
        }
        buffer.putByte(offset + 40, (byte) id.length());
    }

    static void getClOrdId(DirectBuffer buffer, int offset, ClOrdId id) {
        int length = buffer.getByte(offset + 40) & 0xFF;
        if (length > ClOrdId.MAX_LENGTH) {
            throw new JournalFormatException("clOrdId length " + length + " exceeds " + ClOrdId.MAX_LENGTH);
        }
        id.setWords(buffer.getLong(offset, ORDER), buffer.getLong(offset + 8, ORDER), buffer.getLong(offset + 16, ORDER),
                buffer.getLong(offset + 24, ORDER), buffer.getLong(offset + 32, ORDER), length);
    }
}

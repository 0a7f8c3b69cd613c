package io.ringbook.journal.codec;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Field encodings shared by the codecs: enums as one byte (ordinal + 1, 0 for null;
 * the engine's enums only ever grow at the end) and client order ids as a length byte
 * and that many ASCII bytes (at most 37 bytes; always a record's last field, since it
 * is the only one whose length varies).
 */
final class Fields {

    static final int CL_ORD_ID_MAX_LENGTH = 1 + ClOrdId.MAX_LENGTH;
    /** Each enum's values, read once: {@code values()} copies its array on every call, which decoding must not. */
    static final Side[] SIDES = Side.values();
    static final OrderType[] ORDER_TYPES = OrderType.values();
    static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    static final StpMode[] STP_MODES = StpMode.values();
    static final BreakerKind[] BREAKER_KINDS = BreakerKind.values();
    static final BreakerState[] BREAKER_STATES = BreakerState.values();
    static final OrderStatus[] ORDER_STATUSES = OrderStatus.values();
    static final RejectReason[] REJECT_REASONS = RejectReason.values();
    static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    static final Liquidity[] LIQUIDITIES = Liquidity.values();

    private Fields() {
    }

    static void putEnum(MutableDirectBuffer buffer, int offset, Enum<?> value) {
        buffer.putByte(offset, (byte) (value == null ? 0 : value.ordinal() + 1));
    }

    static <E extends Enum<E>> E getEnum(DirectBuffer buffer, int offset, E[] values) {
        return enumOf(buffer.getByte(offset) & 0xFF, values);
    }

    /** An enum as a number: ordinal + 1, 0 for null. */
    static long code(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    /** The enum of a {@link #code}; out of range is a {@link JournalFormatException}. */
    static <E extends Enum<E>> E enumOf(long code, E[] values) {
        if (code < 0 || code > values.length) {
            throw new JournalFormatException("value " + code + " out of range for " + values[0].getDeclaringClass().getSimpleName());
        }
        return code == 0 ? null : values[(int) code - 1];
    }

    /** A journaled int; out of range is a {@link JournalFormatException}. */
    static int toInt(long value) {
        if (value != (int) value) {
            throw new JournalFormatException("value " + value + " out of range for an int field");
        }
        return (int) value;
    }

    /** Writes the id at {@code offset}; returns the bytes written (1 + its length): whole words at once, then the tail. */
    static int putClOrdId(MutableDirectBuffer buffer, int offset, ClOrdId id) {
        int length = id.length();
        buffer.putByte(offset, (byte) length);
        int at = offset + 1;
        int whole = length >>> 3;
        for (int w = 0; w < whole; w++) {
            buffer.putLong(at + (w << 3), id.word(w), ORDER);
        }
        for (int i = whole << 3; i < length; i++) {
            buffer.putByte(at + i, (byte) (id.word(i >> 3) >>> ((i & 7) << 3)));
        }
        return 1 + length;
    }

    /** Reads an id written by {@link #putClOrdId}: whole 8-byte words at once (little-endian, as the id packs them), then the tail. */
    static void getClOrdId(DirectBuffer buffer, int offset, ClOrdId id) {
        int length = buffer.getByte(offset) & 0xFF;
        if (length > ClOrdId.MAX_LENGTH) {
            throw new JournalFormatException("clOrdId length " + length + " exceeds " + ClOrdId.MAX_LENGTH);
        }
        int from = offset + 1;
        id.setWords(word(buffer, from, length), word(buffer, from + 8, length - 8), word(buffer, from + 16, length - 16),
                word(buffer, from + 24, length - 24), word(buffer, from + 32, length - 32), length);
    }

    /** The id's word of {@code bytes} bytes at {@code at} (none if 0 or fewer, at most 8), its unused high bytes 0. */
    private static long word(DirectBuffer buffer, int at, int bytes) {
        if (bytes >= 8) {
            return buffer.getLong(at, ORDER);
        }
        long word = 0;
        for (int i = 0; i < bytes; i++) {
            word |= (buffer.getByte(at + i) & 0xFFL) << (i << 3);
        }
        return word;
    }
}

package io.ringbook.engine.state;

import io.ringbook.engine.domain.ClOrdId;
import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;

/**
 * A reusable, growable byte buffer with a cursor, into which the business logic writes
 * its whole state (a snapshot) and from which a fresh logic reads it back. Allocated
 * once and grown only when a snapshot outgrows every earlier one. Little-endian.
 */
public final class StateBuffer {

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final ExpandableArrayBuffer buffer;
    private int position;
    private int limit;

    public StateBuffer(int initialCapacity) {
        this.buffer = new ExpandableArrayBuffer(initialCapacity);
    }

    /** Starts writing from the beginning. */
    public StateBuffer clear() {
        position = 0;
        limit = 0;
        return this;
    }

    /** Replaces the content with {@code length} bytes of {@code bytes} and starts reading from the beginning. */
    public StateBuffer load(byte[] bytes, int offset, int length) {
        buffer.putBytes(0, bytes, offset, length);
        position = 0;
        limit = length;
        return this;
    }

    /** The bytes written so far live in {@code array()[0, length())}. */
    public byte[] array() {
        return buffer.byteArray();
    }

    public int length() {
        return Math.max(position, limit);
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    public void putLong(long value) {
        buffer.putLong(position, value, ORDER);
        position += Long.BYTES;
    }

    public long getLong() {
        check(Long.BYTES);
        long value = buffer.getLong(position, ORDER);
        position += Long.BYTES;
        return value;
    }

    public void putInt(int value) {
        buffer.putInt(position, value, ORDER);
        position += Integer.BYTES;
    }

    public int getInt() {
        check(Integer.BYTES);
        int value = buffer.getInt(position, ORDER);
        position += Integer.BYTES;
        return value;
    }

    /** Appends {@code length} bytes of {@code bytes} (another buffer's content, written elsewhere). */
    public void putBytes(byte[] bytes, int offset, int length) {
        buffer.putBytes(position, bytes, offset, length);
        position += length;
    }

    /** Enums as ordinal + 1, 0 for null. */
    public void putEnum(Enum<?> value) {
        buffer.putByte(position++, (byte) (value == null ? 0 : value.ordinal() + 1));
    }

    public <E extends Enum<E>> E getEnum(E[] values) {
        check(1);
        int code = buffer.getByte(position++) & 0xFF;
        if (code > values.length) {
            throw new IllegalStateException("snapshot value " + code + " out of range for " + values[0].getDeclaringClass().getSimpleName());
        }
        return code == 0 ? null : values[code - 1];
    }

    public void putClOrdId(ClOrdId id) {
        for (int i = 0; i < 5; i++) {
            putLong(id.word(i));
        }
        putInt(id.length());
    }

    public void getClOrdId(ClOrdId id) {
        id.setWords(getLong(), getLong(), getLong(), getLong(), getLong(), getInt());
    }

    private void check(int bytes) {
        if (position + bytes > limit) {
            throw new IllegalStateException("snapshot cut short at byte " + position);
        }
    }
}

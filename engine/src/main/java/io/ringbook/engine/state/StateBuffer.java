package io.ringbook.engine.state;

import io.ringbook.engine.domain.ClOrdId;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;
import java.util.zip.Checksum;

/**
 * A reusable, growable byte buffer with a cursor, into which the business logic writes
 * its whole state (a snapshot) and from which a fresh logic reads it back. Allocated
 * once and grown only when a snapshot outgrows every earlier one. Little-endian.
 *
 * <p>A state of millions of clOrdIds is hundreds of megabytes, so it need not be held
 * whole on the heap: a {@linkplain #spilling spilling} buffer hands its content to a
 * sink (a file) in pieces of a bounded size as it is written, and a buffer
 * {@linkplain #over over} a direct byte buffer (a mapped file) reads it where it lies.
 */
public final class StateBuffer {

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final long LONG_ARRAY_BASE = UnsafeApi.arrayBaseOffset(long[].class);

    /** Where a spilling buffer's pieces go, in order. */
    @FunctionalInterface
    public interface Spill {
        /** Takes {@code bytes[0, length)}; the array is reused once this returns. */
        void accept(byte[] bytes, int length);
    }

    private final MutableDirectBuffer buffer;
    private final Spill spill;
    private final int spillAt;
    private long spilled;
    private int position;
    private int limit;

    public StateBuffer(int initialCapacity) {
        this(new ExpandableArrayBuffer(initialCapacity), null, Integer.MAX_VALUE);
    }

    private StateBuffer(MutableDirectBuffer buffer, Spill spill, int spillAt) {
        this.buffer = buffer;
        this.spill = spill;
        this.spillAt = spillAt;
    }

    /**
     * A buffer that hands what is written to {@code spill} each time it holds
     * {@code pieceBytes} or more, and starts over: what it holds never exceeds a piece
     * and one value, so it never grows. Call {@link #flush} after the last write.
     */
    public static StateBuffer spilling(int pieceBytes, Spill spill) {
        return new StateBuffer(new ExpandableArrayBuffer(pieceBytes + 64), spill, pieceBytes);
    }

    /**
     * A spilling buffer whose pieces are written to {@code channel} (a file) and added to
     * {@code checksum}, in order.
     *
     * @throws UncheckedIOException from a write to the buffer whose piece the channel refuses
     */
    public static StateBuffer spillingTo(WritableByteChannel channel, Checksum checksum, int pieceBytes) {
        return spillingTo(channel, checksum, pieceBytes, Long.MAX_VALUE);
    }

    /**
     * The same, for at most {@code limitBytes} in all (what a file of its kind can hold): the
     * piece that would pass the limit is refused before any of it is written, so a state too
     * large for its file costs no more than the limit's worth of writing, not all of it.
     *
     * @throws UncheckedIOException from a write to the buffer whose piece the channel refuses or that passes the limit
     */
    public static StateBuffer spillingTo(WritableByteChannel channel, Checksum checksum, int pieceBytes, long limitBytes) {
        long[] written = new long[1];
        return spilling(pieceBytes, (bytes, length) -> {
            written[0] += length;
            if (written[0] > limitBytes) {
                throw new UncheckedIOException(new IOException("more than " + limitBytes + " bytes: refused before they are written"));
            }
            checksum.update(bytes, 0, length);
            ByteBuffer piece = ByteBuffer.wrap(bytes, 0, length);
            try {
                while (piece.hasRemaining()) {
                    channel.write(piece);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A buffer that reads {@code bytes} from its position to its limit where they lie (a mapped file: nothing is copied). */
    public static StateBuffer over(ByteBuffer bytes) {
        StateBuffer in = new StateBuffer(new UnsafeBuffer(bytes, bytes.position(), bytes.remaining()), null, Integer.MAX_VALUE);
        in.limit = bytes.remaining();
        return in;
    }

    /** Starts writing from the beginning. */
    public StateBuffer clear() {
        position = 0;
        limit = 0;
        spilled = 0;
        return this;
    }

    /** Replaces the content with {@code length} bytes of {@code bytes} and starts reading from the beginning. */
    public StateBuffer load(byte[] bytes, int offset, int length) {
        buffer.putBytes(0, bytes, offset, length);
        position = 0;
        limit = length;
        return this;
    }

    /** The bytes written so far (since the last spill) live in {@code array()[0, length())}. */
    public byte[] array() {
        return buffer.byteArray();
    }

    public int length() {
        return Math.max(position, limit);
    }

    /** Every byte written, those already spilled included. */
    public long written() {
        return spilled + length();
    }

    /** Hands what a spilling buffer still holds to its sink. */
    public void flush() {
        if (spill != null && position > 0) {
            spill.accept(buffer.byteArray(), position);
            spilled += position;
            position = 0;
        }
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    public void putLong(long value) {
        buffer.putLong(position, value, ORDER);
        position += Long.BYTES;
        spillIfFull();
    }

    public long getLong() {
        check(Long.BYTES);
        long value = buffer.getLong(position, ORDER);
        position += Long.BYTES;
        return value;
    }

    /** Writes {@code count} longs of {@code values} from {@code offset}, as {@link #putLong} would one by one. */
    public void putLongs(long[] values, int offset, int count) {
        for (int i = 0; i < count; i++) {
            buffer.putLong(position, values[offset + i], ORDER);
            position += Long.BYTES;
            spillIfFull();
        }
    }

    /**
     * Reads {@code count} longs into {@code values} from {@code offset}: where the platform's
     * byte order is the buffer's, one copy of memory (a start reads hundreds of megabytes of
     * clOrdIds so, from a mapped snapshot), else long by long.
     */
    public void getLongs(long[] values, int offset, int count) {
        check((long) count * Long.BYTES);
        Objects.checkFromIndexSize(offset, count, values.length);
        if (ORDER == ByteOrder.nativeOrder()) {
            UnsafeApi.copyMemory(buffer.byteArray(), buffer.addressOffset() + position, values,
                    LONG_ARRAY_BASE + (long) offset * Long.BYTES, (long) count * Long.BYTES);
            position += count * Long.BYTES;
            return;
        }
        for (int i = 0; i < count; i++) {
            values[offset + i] = buffer.getLong(position, ORDER);
            position += Long.BYTES;
        }
    }

    public void putInt(int value) {
        buffer.putInt(position, value, ORDER);
        position += Integer.BYTES;
        spillIfFull();
    }

    public int getInt() {
        check(Integer.BYTES);
        int value = buffer.getInt(position, ORDER);
        position += Integer.BYTES;
        return value;
    }

    /** Appends {@code length} bytes of {@code bytes} (another buffer's content, written elsewhere). */
    public void putBytes(byte[] bytes, int offset, int length) {
        for (int done = 0; done < length; ) {
            // a spilling buffer takes them a piece at a time: it never grows to hold them whole
            int step = spill == null ? length - done : Math.min(length - done, spillAt - position);
            buffer.putBytes(position, bytes, offset + done, step);
            position += step;
            done += step;
            spillIfFull();
        }
    }

    /** Reads {@code length} bytes into {@code into} from {@code offset}. */
    public void getBytes(byte[] into, int offset, int length) {
        check(length);
        buffer.getBytes(position, into, offset, length);
        position += length;
    }

    /** Enums as ordinal + 1, 0 for null. */
    public void putEnum(Enum<?> value) {
        buffer.putByte(position++, (byte) (value == null ? 0 : value.ordinal() + 1));
        spillIfFull();
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

    private void spillIfFull() {
        if (position >= spillAt) {
            flush();
        }
    }

    private void check(long bytes) {
        if (position + bytes > limit) {
            throw new IllegalStateException("snapshot cut short at byte " + position);
        }
    }
}

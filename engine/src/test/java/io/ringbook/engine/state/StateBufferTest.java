package io.ringbook.engine.state;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateBufferTest {

    /** Longs read in bulk are those written one by one, from a buffer of its own and from a direct one (a mapped file), at any position. */
    @Test
    void shouldReadLongsInBulkAsTheyWereWrittenOneByOne() {
        long[] written = new SplittableRandom(7).longs(100_003).toArray();
        StateBuffer out = new StateBuffer(64);
        out.putInt(42); // the longs start at an odd position, as after a count
        for (long value : written) {
            out.putLong(value);
        }
        out.putInt(43);
        ByteBuffer direct = ByteBuffer.allocateDirect(out.length()).put(out.array(), 0, out.length()).flip();
        for (StateBuffer in : new StateBuffer[] {new StateBuffer(16).load(out.array(), 0, out.length()), StateBuffer.over(direct)}) {
            assertEquals(42, in.getInt());
            UnsafeBuffer first = new UnsafeBuffer(ByteBuffer.allocateDirect(50_000 * Long.BYTES));
            UnsafeBuffer rest = new UnsafeBuffer(new byte[(written.length - 50_000 + 1) * Long.BYTES]);
            in.getLongs(first, 50_000);
            in.getLongs(rest, written.length - 50_000);
            for (int i = 0; i < written.length; i++) {
                assertEquals(written[i], i < 50_000 ? first.getLong(i * Long.BYTES) : rest.getLong((i - 50_000) * Long.BYTES), "long " + i);
            }
            assertEquals(0, rest.getLong((written.length - 50_000) * Long.BYTES), "nothing written past the count");
            assertEquals(43, in.getInt());
        }
    }

    /** Longs written in bulk from a buffer are read back one by one as they were. */
    @Test
    void shouldWriteLongsInBulkAsOneByOne() {
        UnsafeBuffer values = new UnsafeBuffer(new byte[5 * Long.BYTES]);
        for (int i = 0; i < 5; i++) {
            values.putLong(i * Long.BYTES, -7L * i + 3);
        }
        StateBuffer out = new StateBuffer(16);
        out.putLongs(values, 4);
        StateBuffer in = new StateBuffer(16).load(out.array(), 0, out.length());
        for (int i = 0; i < 4; i++) {
            assertEquals(-7L * i + 3, in.getLong());
        }
        assertFalse(in.hasRemaining(), "only the count given");
    }

    /** A read past what was written, or past the buffer read into, is refused, never a copy of whatever lies beyond. */
    @Test
    void shouldRefuseABulkReadPastTheEndOfEitherSide() {
        StateBuffer out = new StateBuffer(64);
        for (int i = 0; i < 4; i++) {
            out.putLong(i);
        }
        StateBuffer in = new StateBuffer(16).load(out.array(), 0, out.length());
        assertThrows(IllegalStateException.class, () -> in.getLongs(new UnsafeBuffer(new byte[8 * Long.BYTES]), 5));
        assertThrows(IndexOutOfBoundsException.class, () -> in.getLongs(new UnsafeBuffer(new byte[3 * Long.BYTES]), 4));
        UnsafeBuffer all = new UnsafeBuffer(new byte[4 * Long.BYTES]);
        in.getLongs(all, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(i, all.getLong(i * Long.BYTES));
        }
    }
}

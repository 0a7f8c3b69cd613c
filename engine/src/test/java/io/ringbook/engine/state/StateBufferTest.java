package io.ringbook.engine.state;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
            long[] read = new long[written.length + 2];
            in.getLongs(read, 1, 50_000);
            in.getLongs(read, 50_001, written.length - 50_000);
            assertArrayEquals(written, Arrays.copyOfRange(read, 1, written.length + 1));
            assertEquals(0, read[0]);
            assertEquals(0, read[written.length + 1]);
            assertEquals(43, in.getInt());
        }
    }

    /** A read past what was written, or past the array read into, is refused, never a copy of whatever lies beyond. */
    @Test
    void shouldRefuseABulkReadPastTheEndOfEitherSide() {
        StateBuffer out = new StateBuffer(64);
        for (int i = 0; i < 4; i++) {
            out.putLong(i);
        }
        StateBuffer in = new StateBuffer(16).load(out.array(), 0, out.length());
        assertThrows(IllegalStateException.class, () -> in.getLongs(new long[8], 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> in.getLongs(new long[3], 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> in.getLongs(new long[4], 1, 4));
        long[] all = new long[4];
        in.getLongs(all, 0, 4);
        assertArrayEquals(new long[] {0, 1, 2, 3}, all);
    }
}

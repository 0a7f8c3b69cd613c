package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpareChunkTest {

    private static final int LONGS = 512;
    private static final long TIMEOUT_NANOS = 10_000_000_000L;

    /** One request at a time: asked twice, the maker makes one chunk, handed over once; the owner makes its own meanwhile. */
    @Test
    void shouldMakeOneChunkARequestAndHandItOverOnce() throws InterruptedException {
        SpareChunk spare = new SpareChunk(LONGS);
        assertEquals(LONGS, spare.take().length, "none asked for: the owner makes its own");
        assertEquals(0, spare.takenMadeAhead());

        spare.request();
        spare.request();
        long[] made = awaitMadeAhead(spare, 1);
        assertEquals(LONGS, made.length);
        Thread.sleep(50);
        assertEquals(LONGS, spare.take().length);
        assertEquals(1, spare.takenMadeAhead(), "the second request, made while the first was out, made nothing");

        spare.request();
        awaitMadeAhead(spare, 2);
    }

    /** An arena built with one chunk fills three: the two after the first come made ahead (the first asked for at its first append), and every entry reads back. */
    @Test
    void shouldTakeTheChunksItGrowsIntoMadeAhead() throws InterruptedException {
        ClOrdIdArena arena = new ClOrdIdArena(1);
        ClOrdId id = new ClOrdId();
        int entries = 3 * ClOrdIdArena.CHUNK_LONGS / 8 - 8; // 36-character ids, 8 longs each
        long[] offsets = new long[entries];
        for (int i = 0; i < entries; i++) {
            id.set(String.format("%036d", i));
            offsets[i] = arena.append(ClOrdIdArena.head(i % 5, id), i * 31L, id, i + 1);
            if (i % 1_000 == 0) {
                Thread.sleep(5); // as a day's flow leaves the maker time to run
            }
        }
        assertEquals(2, arena.chunksMadeAhead(), "both chunks past the first made ahead");
        for (int i = 0; i < entries; i++) {
            id.set(String.format("%036d", i));
            assertTrue(arena.matches(offsets[i], ClOrdIdArena.head(i % 5, id), i * 31L, id), "entry " + i);
            assertEquals(i + 1, arena.orderId(offsets[i]));
        }
    }

    /** An arena read back into the last chunk it has asks for the next at once, as one that appended there would. */
    @Test
    void shouldAskForTheNextChunkWhenReadBackIntoItsLast() throws InterruptedException {
        ClOrdIdArena written = new ClOrdIdArena(1);
        ClOrdId id = new ClOrdId();
        id.set("c1");
        written.append(ClOrdIdArena.head(1, id), 7, id, 1);
        StateBuffer state = new StateBuffer(1024);
        written.prefix(99).writeTo(state);

        ClOrdIdArena restored = new ClOrdIdArena(1);
        restored.readRaw(new StateBuffer(16).load(state.array(), 0, state.length()), 99);
        Thread.sleep(200);
        id.set(String.format("%036d", 0));
        for (int i = 0; i < ClOrdIdArena.CHUNK_LONGS / 8; i++) {
            restored.append(ClOrdIdArena.head(1, id), i, id, i);
        }
        assertEquals(1, restored.chunksMadeAhead(), "its second chunk came made ahead");
    }

    private static long[] awaitMadeAhead(SpareChunk spare, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            long[] chunk = spare.take();
            if (spare.takenMadeAhead() == count) {
                return chunk;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no chunk made ahead within 10 s");
    }
}

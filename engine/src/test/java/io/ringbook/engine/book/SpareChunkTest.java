package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpareChunkTest {

    private static final int LONGS = 512;

    @Test
    void shouldMakeTheRequestedChunkOnTheMakersThreadAndHandItOverOnce() throws InterruptedException {
        SpareChunk spare = new SpareChunk(LONGS);
        assertFalse(spare.isReady(), "nothing is made before it is asked for");
        spare.request();
        spare.request();
        awaitReady(spare);

        long[] made = spare.take();
        assertEquals(LONGS, made.length);
        assertFalse(spare.isReady(), "handed over once");
        long[] madeHere = spare.take();
        assertNotSame(made, madeHere, "none ready: the owner makes its own");
        assertEquals(LONGS, madeHere.length);

        spare.request();
        awaitReady(spare);
        assertNotSame(made, spare.take(), "each request a new chunk");
    }

    /** An index whose arena was built for one chunk fills three, taking each later chunk from its spare (made ahead, or at once when not yet ready): every entry reads back. */
    @Test
    void shouldKeepEveryEntryAcrossChunksMadeAhead() throws InterruptedException {
        ClOrdIdIndex index = new ClOrdIdIndex(1_000);
        ClOrdId id = new ClOrdId();
        int ids = 3 * ClOrdIdArena.CHUNK_LONGS / 8;
        for (int i = 1; i <= ids; i++) {
            id.set(String.format("%036d", i));
            index.put(i % 5, id, i);
            if (i % 1_000 == 0) {
                Thread.sleep(1); // as a day's flow leaves the maker time to run
            }
        }
        for (int i = 1; i <= ids; i++) {
            id.set(String.format("%036d", i));
            assertEquals(i, index.find(i % 5, id), "id " + i);
        }
        assertTrue(index.footprintBytes() >= 3L * ClOrdIdArena.CHUNK_LONGS * Long.BYTES, "it grew to three chunks at least");
    }

    private static void awaitReady(SpareChunk spare) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!spare.isReady() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(spare.isReady(), "made within 10 s");
    }
}

package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        await(spare::isReady, "the chunk asked for is made");
        Thread.sleep(50);
        assertEquals(1, spare.timesMade(), "the second request, made while the first was out, made nothing");
        assertEquals(LONGS, spare.take().length);
        assertEquals(1, spare.takenMadeAhead());
        assertFalse(spare.isRequested(), "taken: the owner may ask again");
        assertEquals(LONGS, spare.take().length);
        assertEquals(1, spare.takenMadeAhead(), "handed over once");

        spare.request();
        await(spare::isReady, "a new request, a new chunk");
        assertEquals(2, spare.timesMade());
    }

    /** An arena built with one chunk fills three: the two after the first come made ahead (the first asked for at its first append), and every entry reads back. */
    @Test
    void shouldTakeTheChunksItGrowsIntoMadeAhead() throws InterruptedException {
        ClOrdIdArena arena = new ClOrdIdArena(1);
        ClOrdId id = new ClOrdId();
        int entries = 3 * ClOrdIdArena.CHUNK_LONGS / 8 - 8; // 36-character ids, 8 longs each
        long[] offsets = new long[entries];
        for (int i = 0; i < entries; i++) {
            if (i > 0) {
                await(arena::spareReady, "the next chunk made before the owner needs it"); // from the first append on, one is always asked for
            }
            id.set(String.format("%036d", i));
            offsets[i] = arena.append(ClOrdIdArena.head(i % 5, id), i * 31L, id, i + 1);
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
        await(restored::spareReady, "asked for when read back");
        id.set(String.format("%036d", 0));
        for (int i = 0; i < ClOrdIdArena.CHUNK_LONGS / 8; i++) {
            restored.append(ClOrdIdArena.head(1, id), i, id, i);
        }
        assertEquals(1, restored.chunksMadeAhead(), "its second chunk came made ahead");
    }

    /** A chunk the maker cannot make is left to its owner, who may ask again; the maker goes on making others. */
    @Test
    void shouldClearAFailedRequestAndGoOnMaking() throws InterruptedException {
        SpareChunk failing = new SpareChunk(-1);
        failing.request();
        await(() -> !failing.isRequested(), "the failed request cleared");
        assertEquals(0, failing.timesMade());

        SpareChunk next = new SpareChunk(LONGS);
        next.request();
        await(next::isReady, "the maker still makes chunks");
    }

    /** An interrupt neither stops the maker nor sets it spinning: it parks again. */
    @Test
    void shouldParkAgainAfterAnInterrupt() throws InterruptedException {
        new SpareChunk(LONGS).request(); // the maker is started and has worked
        Thread maker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ringbook-chunk-maker")).findFirst().orElseThrow();
        maker.interrupt();
        Thread.sleep(100);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getThreadCpuTime(maker.getId());
        Thread.sleep(500);
        long used = threads.getThreadCpuTime(maker.getId()) - before;
        assertTrue(used < 100_000_000L, "the maker used " + used / 1_000_000 + " ms of CPU in 500 ms after an interrupt");

        SpareChunk next = new SpareChunk(LONGS);
        next.request();
        await(next::isReady, "and still makes chunks");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(1);
        }
    }
}

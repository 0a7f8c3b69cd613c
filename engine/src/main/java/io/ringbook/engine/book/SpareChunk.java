package io.ringbook.engine.book;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An arena's next chunk, made ahead by the {@link ChunkMaker}'s thread. A day index that
 * outgrows the ids it was built for takes its new chunks from here instead of allocating
 * and zeroing half a megabyte itself (with the page faults of memory the heap had not
 * used yet: about a millisecond on this VM), which the logic thread (or the read models'
 * outbound thread) would otherwise do in the middle of a command. One owner thread
 * requests and takes; the maker fills.
 */
final class SpareChunk {

    private final ChunkMaker maker = ChunkMaker.INSTANCE;
    private final int longs;
    private final AtomicReference<long[]> ready = new AtomicReference<>();
    private final AtomicBoolean wanted = new AtomicBoolean();

    SpareChunk(int longs) {
        this.longs = longs;
    }

    /** Asks for a chunk to be made, unless one is ready or on its way; returns at once. */
    void request() {
        if (ready.get() == null && wanted.compareAndSet(false, true) && !maker.make(this)) {
            wanted.set(false);
        }
    }

    /** The chunk made ahead, or, when none is ready yet, one made here and now. */
    long[] take() {
        long[] chunk = ready.getAndSet(null);
        return chunk != null ? chunk : new long[longs];
    }

    /** Whether a chunk made ahead is waiting. */
    boolean isReady() {
        return ready.get() != null;
    }

    /** On the maker's thread. */
    void make() {
        ready.set(new long[longs]);
        wanted.set(false);
    }
}

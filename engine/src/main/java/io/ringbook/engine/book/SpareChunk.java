package io.ringbook.engine.book;

import java.util.concurrent.atomic.AtomicReference;

/**
 * An arena's next chunk, made ahead by the {@link ChunkMaker}'s thread. A day index that
 * outgrows the ids it was built for takes its new chunks from here instead of allocating
 * and zeroing half a megabyte itself (with the page faults of memory the heap had not
 * used yet: about a millisecond on this VM), which the logic thread (or the read models'
 * outbound thread) would otherwise do in the middle of a command. One owner thread
 * requests and takes; the maker only fills. At most one request is out at a time: it
 * stays out until the owner takes its chunk (a chunk made late waits for the owner's next
 * need), or until the maker gives up on it.
 */
final class SpareChunk {

    private final ChunkMaker maker = ChunkMaker.INSTANCE;
    private final int longs;
    private final AtomicReference<long[]> ready = new AtomicReference<>();
    /** Whether a request is out: set and cleared by the owner, cleared by the maker only when it could not make the chunk. */
    private volatile boolean requested;
    private long takenMadeAhead;
    /** Chunks made on the maker's thread (its only writer). */
    private volatile int made;

    SpareChunk(int longs) {
        this.longs = longs;
    }

    /** Asks for a chunk to be made, unless a request is out already; returns at once. */
    void request() {
        if (!requested) {
            requested = true; // before the offer: a maker that fails at once clears it after
            if (!maker.make(this)) {
                requested = false;
            }
        }
    }

    /** The chunk made ahead, or, when none is ready yet, one made here and now. */
    long[] take() {
        long[] chunk = ready.getAndSet(null);
        if (chunk == null) {
            return new long[longs];
        }
        requested = false;
        takenMadeAhead++;
        return chunk;
    }

    /** Chunks the owner took made ahead (not made itself); read on the owner's thread. */
    long takenMadeAhead() {
        return takenMadeAhead;
    }

    /** Whether a chunk made ahead waits to be taken. */
    boolean isReady() {
        return ready.get() != null;
    }

    /** Whether a request is out (queued, being made, or made and not yet taken). */
    boolean isRequested() {
        return requested;
    }

    /** Chunks the maker made for this spare so far. */
    int timesMade() {
        return made;
    }

    /** On the maker's thread. */
    void make() {
        long[] chunk = new long[longs];
        made++;
        ready.set(chunk);
    }

    /** On the maker's thread, when {@link #make} failed: the owner may ask again, and makes its own until then. */
    void notMade() {
        requested = false;
    }
}

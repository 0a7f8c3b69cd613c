package io.ringbook.engine.book;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread, shared by every day index in the process, that makes the arenas'
 * spare chunks ({@link SpareChunk}). A request is a lock-free offer and a wake-up, so the
 * logic thread never waits on it; the thread parks while there is nothing to make, which
 * at most a few dozen times a second (a chunk holds about 16,000 ids) is almost always.
 * It starts with the first index, not at its first request, so that no index's owner
 * loads a class or starts a thread in the middle of a command.
 */
final class ChunkMaker {

    static final ChunkMaker INSTANCE = new ChunkMaker();

    private final ManyToOneConcurrentArrayQueue<SpareChunk> wanted = new ManyToOneConcurrentArrayQueue<>(1024);
    private final Thread thread;

    private ChunkMaker() {
        thread = new Thread(this::run, "ringbook-chunk-maker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the spare to be made; false if the queue is full (the owner then makes its chunk itself). */
    boolean make(SpareChunk spare) {
        boolean queued = wanted.offer(spare);
        LockSupport.unpark(thread);
        return queued;
    }

    private void run() {
        while (true) {
            SpareChunk spare = wanted.poll();
            if (spare == null) {
                LockSupport.park();
            } else {
                spare.make();
            }
        }
    }
}

package io.ringbook.engine.book;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread, shared by every day index in the process, that makes the arenas'
 * spare chunks ({@link SpareChunk}). A request is a lock-free offer and a wake-up
 * ({@code LockSupport.unpark}), once per chunk, never per order; the thread parks while
 * there is nothing to make (a chunk holds about 16,000 ids: some 100 chunks a second when
 * a bench burst of 1.6 M new ids a second outgrew its index, 22-62 ns of this thread's CPU
 * a command). It starts
 * with the first index, not at its first request, so that no index's owner loads a class
 * or starts a thread in the middle of a command. A chunk it cannot make is left to its
 * owner, which then makes its own; out of heap, under the launcher's
 * {@code -XX:+ExitOnOutOfMemoryError}, the process ends here as it would on the owner's
 * thread, at most one chunk earlier.
 */
final class ChunkMaker {

    static final ChunkMaker INSTANCE = new ChunkMaker();

    private static final System.Logger LOG = System.getLogger("ringbook.clordids");

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
                Thread.interrupted(); // an interrupt would make every park return at once: this thread is never stopped
            } else {
                fill(spare);
            }
        }
    }

    private static void fill(SpareChunk spare) {
        try {
            spare.make();
        } catch (Throwable e) {
            spare.notMade();
            try {
                LOG.log(System.Logger.Level.WARNING, "a clOrdId index's next chunk could not be made ahead; its owner makes it", e);
            } catch (Throwable logFailed) {
                // the log's own failure must not end the only thread that makes chunks ahead
            }
        }
    }
}

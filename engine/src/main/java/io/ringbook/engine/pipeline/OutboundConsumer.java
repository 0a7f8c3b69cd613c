package io.ringbook.engine.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;

/**
 * One reader of the outbound ring with its own sequence: the edges (gateways, read
 * models, latency recorders) on a thread of their own; the replies to waiting callers,
 * which follow the edges on the edges' thread and have a thread of their own only once
 * the edges are cut off ({@link FollowingProcessor}); and the output journal, on a thread
 * of its own or, on a small machine, following the edges like the replies but after the
 * listeners' end of each batch ({@link OutputJournalThread}).
 * What the ring's producer waits for, and what a later consumer depends on,
 * is {@link #progress()}: the consumer's sequence, or, once the consumer is cut off,
 * whatever has been published, so a consumer that is cut off holds back nothing.
 *
 * <p>A cut-off consumer stops delivering at once and stays stopped until the engine
 * restarts (its health says so, and its read models go stale); the event it was
 * delivering when cut off may already have been overwritten. That is why only the edges
 * may be cut off, never the replies or the output journal.
 */
final class OutboundConsumer {

    /**
     * Most events handled before the consumer's sequence moves: the watchdog judges an edge
     * by that sequence and the replies follow it, so an unbounded batch (a ring's worth
     * after a burst, seconds of edge work on a loaded machine) would look like a stall and
     * hold every reply until its end.
     */
    static final int MAX_BATCH = 256;

    private final String name;
    private final boolean mayBeCutOff;
    private final RingBuffer<EngineEvent> ring;
    private final OutboundHandler handler;
    private final EventProcessor processor;
    private final Progress progress = new Progress();
    private volatile String cutOff;
    /** The consumer that follows this one on this one's thread before the listeners end a batch (the replies), or null. */
    private FollowingProcessor follower;
    /** The consumer that follows this one on this one's thread after the listeners end a batch (the output journal), or null. */
    private FollowingProcessor trailer;
    /** When this consumer's thread began its current step of the trailer ({@link System#nanoTime}), 0 outside one. */
    private volatile long trailingSince;
    /** Nanoseconds this consumer's thread spent in the trailer's finished steps: time that is not this consumer's. */
    private volatile long trailedNanos;

    /** A consumer that reads what the logic publishes. */
    OutboundConsumer(String name, boolean mayBeCutOff, RingBuffer<EngineEvent> ring, EngineListener[] listeners) {
        this.name = name;
        this.mayBeCutOff = mayBeCutOff;
        this.ring = ring;
        this.handler = new OutboundHandler(listeners, this);
        BatchEventProcessor<EngineEvent> batches = new BatchEventProcessorBuilder().setMaxBatchSize(MAX_BATCH)
                .build(ring, ring.newBarrier(), handler);
        batches.setExceptionHandler(handler);
        this.processor = batches;
    }

    /**
     * A consumer that reads what {@code ahead} has handled, never cut off: driven on the
     * thread of {@code ahead} after each of its batches while it runs (before the
     * listeners of {@code ahead} end the batch, or after them if {@code afterEndOfBatch}),
     * on a thread of its own once {@code ahead} is cut off ({@link FollowingProcessor}).
     */
    OutboundConsumer(String name, RingBuffer<EngineEvent> ring, EngineListener[] listeners, OutboundConsumer ahead,
                     boolean afterEndOfBatch) {
        this.name = name;
        this.mayBeCutOff = false;
        this.ring = ring;
        this.handler = new OutboundHandler(listeners, this);
        FollowingProcessor following = new FollowingProcessor(ring, ahead.progress(), handler);
        if (afterEndOfBatch) {
            ahead.trailer = following;
        } else {
            ahead.follower = following;
        }
        this.processor = following;
    }

    String name() {
        return name;
    }

    EventProcessor processor() {
        return processor;
    }

    OutboundHandler handler() {
        return handler;
    }

    /** What producers and later consumers wait for. */
    Sequence progress() {
        return progress;
    }

    boolean mayBeCutOff() {
        return mayBeCutOff;
    }

    /** Events published but not yet handled by this consumer (0 once cut off). */
    long lag() {
        return ring.getCursor() - progress.get();
    }

    /** Why the consumer was cut off, or null while it runs. */
    String cutOffBecause() {
        return cutOff;
    }

    boolean isCutOff() {
        return cutOff != null;
    }

    boolean isCaughtUp() {
        return isCutOff() || processor.getSequence().get() == ring.getCursor();
    }

    /** This consumer's listeners took its batch up to {@code sequence}, on its thread: the consumer following it handles as far. */
    void batchHandled(long sequence) {
        if (follower != null) {
            follower.follow(sequence);
        }
    }

    /** This consumer's listeners ended the batch that ends at {@code sequence}: the trailing consumer handles as far. */
    void batchEnded(long sequence) {
        if (trailer != null) {
            long start = System.nanoTime() | 1;
            trailingSince = start;
            try {
                trailer.follow(sequence);
            } finally {
                trailedNanos += System.nanoTime() - start;
                trailingSince = 0;
            }
        }
    }

    /**
     * Nanoseconds this consumer's thread has spent handling the trailing consumer's events
     * up to {@code now}, the step under way included: the watchdog does not count that time
     * against this consumer. Read while a step ends, it may count that step twice, once.
     */
    long trailedNanos(long now) {
        long since = trailingSince;
        long done = trailedNanos;
        return since == 0 ? done : done + Math.max(0, now - since);
    }

    /** How long this consumer's thread has been in its current step of the trailing consumer, 0 if in none. */
    long trailingForNanos(long now) {
        long since = trailingSince;
        return since == 0 ? 0 : Math.max(0, now - since);
    }

    /** Whether another consumer follows this one on its thread after each batch (the output journal). */
    boolean hasTrailer() {
        return trailer != null;
    }

    /** Stops this consumer for good: from now on it holds back neither the ring nor the consumers after it. */
    void cutOff(String reason) {
        cutOff = reason;
        processor.halt();
        if (follower != null) {
            follower.takeOver();
        }
        if (trailer != null) {
            trailer.takeOver();
        }
    }

    /** The consumer's own sequence while it runs; the ring's cursor once it is cut off. */
    private final class Progress extends Sequence {
        @Override
        public long get() {
            return cutOff == null ? processor.getSequence().get() : ring.getCursor();
        }
    }
}

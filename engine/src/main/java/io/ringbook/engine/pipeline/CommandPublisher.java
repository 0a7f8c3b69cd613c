package io.ringbook.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.event.EngineEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one door into the engine, for every producer thread (gateways, admin, clock):
 * claims a slot of the inbound ring, lets the caller fill it, stamps ingress time and
 * publishes. A full ring refuses at once rather than block a gateway thread, and so
 * does an engine that has stopped deciding (its journal failed): nothing published then
 * could be journaled, so nothing is taken.
 */
public final class CommandPublisher {

    /** Fills a cleared command slot; must not keep a reference to it. */
    @FunctionalInterface
    public interface CommandWriter {
        void write(Command slot);
    }

    /**
     * Where a publisher without a ring sends its commands: the business logic runs
     * elsewhere (cluster mode: a replicated service, reached through a cluster client).
     * Same contract as {@link #submit} and {@link #tryPublishAt}.
     */
    public interface Forwarder {
        CompletableFuture<List<EngineEvent>> submit(CommandWriter writer);

        boolean tryPublishAt(long ingressNanos, CommandWriter writer);
    }

    private final RingBuffer<Command> ring;
    private final ReplyRouter replies;
    private final EpochClock clock;
    private final Forwarder forwarder;
    private final AtomicLong correlations = new AtomicLong();
    private volatile String stopped;

    CommandPublisher(RingBuffer<Command> ring, ReplyRouter replies, EpochClock clock) {
        this(ring, replies, clock, null);
    }

    private CommandPublisher(RingBuffer<Command> ring, ReplyRouter replies, EpochClock clock, Forwarder forwarder) {
        this.ring = ring;
        this.replies = replies;
        this.clock = clock;
        this.forwarder = forwarder;
    }

    /** A publisher for the doors of a process whose business logic runs elsewhere (cluster mode). */
    public static CommandPublisher forwardingTo(Forwarder forwarder, EpochClock clock) {
        return new CommandPublisher(null, null, clock, forwarder);
    }

    /**
     * Publishes a command and returns its outcome: all events it caused, the last one
     * flagged, once decided. Fails at once with {@link EngineBusyException} if the ring is
     * full. Every command but {@code CLOCK_TICK} yields at least one event; a tick may
     * yield none, so publish ticks with {@link #tryPublish}. Callers bound the wait
     * ({@code orTimeout}); a timed-out future is forgotten. The future completes on the
     * outbound thread: continue with the {@code *Async} variants (or hand the result to
     * the caller's own thread), or a slow continuation delays every other listener.
     */
    public CompletableFuture<List<EngineEvent>> submit(CommandWriter writer) {
        if (forwarder != null) {
            return forwarder.submit(writer);
        }
        if (stopped != null) {
            return CompletableFuture.failedFuture(new EngineBusyException(stopped));
        }
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return CompletableFuture.failedFuture(new EngineBusyException());
        }
        long correlationId = correlations.incrementAndGet();
        CompletableFuture<List<EngineEvent>> outcome = replies.expect(correlationId);
        fillAndPublish(slot, writer, correlationId, clock.epochNanos());
        return outcome;
    }

    /** Publishes a command nobody waits for; false if the ring is full. */
    public boolean tryPublish(CommandWriter writer) {
        if (forwarder != null) {
            return forwarder.tryPublishAt(clock.epochNanos(), writer);
        }
        if (stopped != null) {
            return false;
        }
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        fillAndPublish(slot, writer, 0, clock.epochNanos());
        return true;
    }

    /**
     * Publishes a command nobody waits for, with the ingress time given: for load
     * generators, which measure latency from when a command was meant to be sent, not
     * from when a busy sender got to it (coordinated omission). False if the ring is full.
     */
    public boolean tryPublishAt(long ingressNanos, CommandWriter writer) {
        if (forwarder != null) {
            return forwarder.tryPublishAt(ingressNanos, writer);
        }
        if (stopped != null) {
            return false;
        }
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        fillAndPublish(slot, writer, 0, ingressNanos);
        return true;
    }

    /** Refuses every command from now on, saying why; the engine has stopped deciding. */
    void stop(String reason) {
        stopped = reason;
    }

    /** Why the engine stopped deciding, or null while it runs. */
    public String stoppedBecause() {
        return stopped;
    }

    private void fillAndPublish(long slot, CommandWriter writer, long correlationId, long ingressNanos) {
        Command command = ring.get(slot).clear();
        try {
            writer.write(command);
            if (command.type == null) {
                throw new IllegalArgumentException("a command needs a type");
            }
            command.correlationId = correlationId;
            command.ingressNanos = ingressNanos;
        } catch (RuntimeException writerFailed) {
            // A claimed slot must be published; a clock tick is harmless in its place.
            command.clockTick();
            replies.forget(correlationId);
            throw writerFailed;
        } finally {
            ring.publish(slot);
        }
    }
}

package io.ringbook.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.event.EngineEvent;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The one door into the engine, for every producer thread (gateways, admin, clock):
 * claims a slot of the inbound ring, lets the caller fill it, stamps ingress time and
 * publishes. A full ring refuses at once rather than block a gateway thread, and so
 * does an engine that has stopped deciding (its journal failed): nothing published then
 * could be journaled, so nothing is taken; and so does one shutting down, which decides
 * and answers what it took but takes nothing more. One held (its journal's disk nearly
 * full) refuses what adds exposure (new orders, amends that raise a quantity or move a
 * price, releases, snapshots) until the hold is lifted, but still takes what reduces it
 * ({@link #PASS_A_HOLD}: cancels, mass cancels, the kill switch, halts, breaker trips,
 * new limits; and amends that only lower an order's quantity, as the doors' read models
 * tell: {@link #amendsReducing}) and clock ticks: they are tiny records, and a venue
 * whose disk fills must still let its members get out and its operators tighten limits.
 */
public final class CommandPublisher {

    /** Fills a cleared command slot; must not keep a reference to it. */
    @FunctionalInterface
    public interface CommandWriter {
        void write(Command slot);
    }

    /** Stamp ingress time when the slot is filled. */
    private static final long STAMP_NOW = Long.MIN_VALUE;
    /**
     * Each producer thread's scratch command: while a hold is on, a command is written
     * here first, and one the hold refuses never claims a ring slot (a claimed slot would
     * have to be journaled, as a void tick, on the disk the hold is there to spare).
     */
    private static final ThreadLocal<Command> HOLD_PROBE = ThreadLocal.withInitial(Command::new);
    /** {@link #publish}'s answer for a full ring, told apart by identity. */
    private static final String RING_FULL = "the ring is full";
    /** What a claimed slot becomes when it cannot carry its command. */
    private static final CommandWriter VOID = Command::clockTick;
    /**
     * Commands a hold lets through: they reduce exposure (or keep time; new limits, tighter
     * or looser, add none while new orders are refused), and each is a few dozen journal bytes.
     */
    private static final Set<CommandType> PASS_A_HOLD = EnumSet.of(CommandType.CANCEL_ORDER, CommandType.MASS_CANCEL,
            CommandType.CANCEL_ALL_AFTER, CommandType.CANCEL_ON_DISCONNECT, CommandType.KILL_SWITCH, CommandType.HALT_SYMBOL,
            CommandType.TRIP_BREAKER, CommandType.CLOCK_TICK, CommandType.SET_LIMITS);

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
    private volatile boolean closing;
    private volatile String held;
    private volatile Predicate<Command> reducingAmend = amend -> false;

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
        long correlationId = correlations.incrementAndGet();
        CompletableFuture<List<EngineEvent>> outcome = replies.expect(correlationId);
        String refused = RING_FULL;
        try {
            refused = publish(writer, correlationId, STAMP_NOW);
        } finally {
            if (refused != null) {
                replies.forget(correlationId);
            }
        }
        if (refused != null) {
            return CompletableFuture.failedFuture(refused == RING_FULL ? new EngineBusyException() : new EngineBusyException(refused));
        }
        return outcome;
    }

    /** Publishes a command nobody waits for; false if the ring is full. */
    public boolean tryPublish(CommandWriter writer) {
        return tryPublishAt(STAMP_NOW, writer);
    }

    /**
     * Publishes a command nobody waits for, with the ingress time given: for load
     * generators, which measure latency from when a command was meant to be sent, not
     * from when a busy sender got to it (coordinated omission). False if the ring is full.
     */
    public boolean tryPublishAt(long ingressNanos, CommandWriter writer) {
        if (forwarder != null) {
            return forwarder.tryPublishAt(ingressNanos == STAMP_NOW ? clock.epochNanos() : ingressNanos, writer);
        }
        return publish(writer, 0, ingressNanos) == null;
    }

    /**
     * The one claim path of {@link #submit}, {@link #tryPublish} and {@link #tryPublishAt}:
     * claims a slot, fills and publishes it. Null once published; else, with nothing
     * published, why the engine refused the command ({@link #RING_FULL} if its ring is full).
     */
    private String publish(CommandWriter writer, long correlationId, long ingressNanos) {
        String hold = held;
        if (hold != null) {
            Command probe = HOLD_PROBE.get();
            writer.write(probe.clear());
            if (probe.type != null && !PASS_A_HOLD.contains(probe.type)
                    && !(probe.type == CommandType.AMEND_ORDER && reducingAmend.test(probe))) {
                return hold;
            }
            writer = slot -> slot.copyFrom(probe);
        }
        long slot = claim();
        if (slot < 0) {
            String refusal = refusal();
            return refusal != null ? refusal : RING_FULL;
        }
        fillAndPublish(slot, writer, correlationId, ingressNanos);
        return null;
    }

    /**
     * Claims a slot of the inbound ring; -1 if the ring is full or the engine refuses
     * commands ({@link #refusal()}). A close that began between the check and the claim
     * might not wait for the slot (its drain compares the claimed cursor, which it may
     * have read before the claim), so the claim is checked once more and, if the engine
     * is closing by then, voided and refused.
     */
    private long claim() {
        if (refusal() != null) {
            return -1;
        }
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return -1;
        }
        if (closing) {
            fillAndPublish(slot, VOID, 0, 0);
            return -1;
        }
        return slot;
    }

    /** Refuses every command from now on, saying why; the engine has stopped deciding. */
    void stop(String reason) {
        stopped = reason;
    }

    /**
     * While {@code reason} is not null (the journal's disk is nearly full) refuses new
     * commands but those of {@link #PASS_A_HOLD}, and takes them all again once it is
     * cleared with null; what was taken is decided.
     */
    public void hold(String reason) {
        held = reason;
    }

    /**
     * How a hold tells an amend that only lowers an order's quantity (and keeps its price),
     * which it lets through: the engine's state is not readable from producer threads, the
     * doors' read models are. Until set, a hold refuses every amend.
     */
    public void amendsReducing(Predicate<Command> onlyLowersQty) {
        this.reducingAmend = onlyLowersQty;
    }

    /**
     * Refuses every command from now on because the engine is shutting down; what was
     * taken before is still decided and answered (the pipeline drains its rings).
     */
    void close() {
        closing = true;
    }

    private String refusal() {
        String reason = stopped;
        return reason != null ? reason : closing ? "the engine is shutting down" : null;
    }

    /** Why the engine stopped deciding, or null while it runs. */
    public String stoppedBecause() {
        return stopped;
    }

    /**
     * Fills the claimed slot and publishes it, on every path: if anything fails on the
     * way (the writer, a missing type, even an {@link Error}), the slot is voided (a
     * clock tick, harmless, in its place) and published before the failure goes on, so
     * the ring never stalls on a claimed slot and never carries a half-written command.
     */
    private void fillAndPublish(long slot, CommandWriter writer, long correlationId, long ingressNanos) {
        Command command = ring.get(slot);
        boolean filled = false;
        try {
            long ingress = ingressNanos == STAMP_NOW ? clock.epochNanos() : ingressNanos;
            writer.write(command.clear());
            if (command.type == null) {
                throw new IllegalArgumentException("a command needs a type");
            }
            command.correlationId = correlationId;
            command.ingressNanos = ingress;
            filled = true;
        } finally {
            try {
                if (!filled) {
                    command.clockTick();
                }
            } finally {
                ring.publish(slot);
            }
        }
    }
}

package io.ringbook.engine.pipeline;

import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringbook.engine.event.EngineEvent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A reader of the outbound ring that follows another consumer (the replies follow the
 * edges, and so, on a small machine, does the output journal) with a sequence of its
 * own: it handles, in batches, what the one ahead of it has handled. While the one ahead runs, that consumer's thread drives it right after each of
 * its batches ({@link #follow}): the follower wakes no thread of its own, and reads each
 * event while it is still in that core's cache (on two cores, a thread of its own cost
 * the replies 60-240 ns of CPU per command in a burst, waking and reading every slot
 * again from the other core). Once the one ahead is cut off (an edge stalled inside a
 * listener, whose thread may never come back), the follower's own thread, parked until
 * then, takes over ({@link #takeOver}) and follows whatever the one ahead's progress
 * says (the published events): it spins briefly, then yields, then parks for
 * {@value #PARK_NANOS} ns, twice as long each time nothing was published, up to
 * {@value #PARK_DOUBLINGS} doublings. Either way one thread at a time handles its events
 * (a flag taken for each step, whose release also hands what the step wrote to the next
 * thread), in order, each once. The replies' handler (the callers'
 * continuations) must never block: while it runs on the edges' thread, a block there
 * stands the edges still, the watchdog cuts them off, and the take-over then waits for
 * the same step to end.
 */
final class FollowingProcessor implements EventProcessor {

    private static final int SPINS = 100;
    private static final int YIELDS = 100;
    private static final long PARK_NANOS = 20_000;
    private static final int PARK_DOUBLINGS = 3;

    private final RingBuffer<EngineEvent> ring;
    private final Sequence ahead;
    private final OutboundHandler handler;
    private final Sequence sequence = new Sequence(-1);
    private final AtomicBoolean stepping = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean takenOver;
    private volatile boolean started;
    private volatile boolean halted;

    FollowingProcessor(RingBuffer<EngineEvent> ring, Sequence ahead, OutboundHandler handler) {
        this.ring = ring;
        this.ahead = ahead;
        this.handler = handler;
    }

    /** On the thread of the one ahead, at the end of its batch: handles what it has handled, up to {@code handled}. */
    void follow(long handled) {
        step(handled);
    }

    /** The one ahead stopped for good: from now on this processor's own thread follows its progress. */
    void takeOver() {
        takenOver = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        started = true;
        while (!halted && !takenOver) {
            LockSupport.park(this);
        }
        int idle = 0;
        while (!halted) {
            if (step(ahead.get())) {
                idle = 0;
            } else {
                // back off only while nothing is published: if the ring has events, the one ahead is at work and the answer is near
                idle = backOff(ring.getCursor() > sequence.get() ? Math.min(idle, SPINS + YIELDS) : idle);
            }
        }
    }

    /** Handles the events after its sequence up to {@code limit} (no further than published); false if it had none or another thread is at it. */
    private boolean step(long limit) {
        if (!stepping.compareAndSet(false, true)) {
            return false;
        }
        try {
            long next = sequence.get() + 1;
            long available = Math.min(limit, ring.getCursor());
            if (available < next) {
                return false;
            }
            for (long s = next; s <= available; s++) {
                try {
                    handler.onEvent(ring.get(s), s, s == available);
                } catch (Throwable escaped) {
                    handler.handleEventException(escaped, s, ring.get(s));
                }
            }
            sequence.set(available);
            return true;
        } finally {
            stepping.set(false);
        }
    }

    private static int backOff(int idle) {
        if (idle < SPINS) {
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            Thread.yield();
        } else {
            int doublings = idle - SPINS - YIELDS;
            LockSupport.parkNanos(PARK_NANOS << doublings);
            return doublings < PARK_DOUBLINGS ? idle + 1 : idle;
        }
        return idle + 1;
    }

    @Override
    public Sequence getSequence() {
        return sequence;
    }

    @Override
    public void halt() {
        halted = true;
        LockSupport.unpark(thread);
    }

    @Override
    public boolean isRunning() {
        return started && !halted;
    }
}

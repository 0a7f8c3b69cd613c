package io.ringbook.engine.pipeline;

import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringbook.engine.event.EngineEvent;

import java.util.concurrent.locks.LockSupport;

/**
 * A reader of the outbound ring that follows another consumer (the replies follow the
 * edges): it handles, in batches, what the one ahead of it has handled, and while it
 * waits it spins briefly, then yields, then parks for {@value #PARK_NANOS} ns, twice as
 * long each time nothing was published, up to {@value #PARK_DOUBLINGS} doublings (while
 * events wait for the one ahead, it parks the shortest time: an answer is near; a reader that is
 * ahead would otherwise spend more CPU waking up than handling events). The Disruptor's blocking strategies spin on the consumer ahead for as long as
 * it works, which on two cores takes the CPU from the very thread being waited for.
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
    private volatile boolean started;
    private volatile boolean halted;

    FollowingProcessor(RingBuffer<EngineEvent> ring, Sequence ahead, OutboundHandler handler) {
        this.ring = ring;
        this.ahead = ahead;
        this.handler = handler;
    }

    @Override
    public void run() {
        started = true;
        int idle = 0;
        while (!halted) {
            long next = sequence.get() + 1;
            long available = Math.min(ahead.get(), ring.getCursor());
            if (available < next) {
                // back off only while nothing is published: if the ring has events, the one ahead is at work and the answer is near
                idle = backOff(ring.getCursor() >= next ? Math.min(idle, SPINS + YIELDS) : idle);
                continue;
            }
            idle = 0;
            for (long s = next; s <= available; s++) {
                try {
                    handler.onEvent(ring.get(s), s, s == available);
                } catch (Throwable escaped) {
                    handler.handleEventException(escaped, s, ring.get(s));
                }
            }
            sequence.set(available);
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
    }

    @Override
    public boolean isRunning() {
        return started && !halted;
    }
}

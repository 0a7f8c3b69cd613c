package io.ringbook.engine.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits by parking: first for a short time, then, while nothing arrives, each time twice
 * as long up to a ceiling. A consumer that keeps up with its producer (on the outbound
 * side, the edges and the replies are always ahead of the logic in a burst) would
 * otherwise wake every few tens of microseconds to find nothing, and on two cores those
 * wake-ups (a timer, a context switch, a few microseconds each) cost more CPU per command
 * than its work; backing off lets it take the next events as one batch. A busy stream is
 * found at the first wake-up, so its delay is the first park; an idle consumer wakes at
 * most once per ceiling. Publishers never signal (nobody sleeps on a lock).
 */
final class ParkingWaitStrategy implements WaitStrategy {

    private final long firstParkNanos;
    private final long maxParkNanos;

    ParkingWaitStrategy(long firstParkNanos, long maxParkNanos) {
        this.firstParkNanos = firstParkNanos;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier) throws AlertException {
        long available;
        long park = firstParkNanos;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            LockSupport.parkNanos(park);
            park = Math.min(park << 1, maxParkNanos);
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        // nothing blocks: a parked consumer wakes by itself
    }
}

package io.ringbook.perf;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.EpochClock;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Records, on the outbound thread, the time from each command's ingress (its intended
 * send time, for a paced load) to the delivery of its last event: the latency a client
 * of the in-process engine sees. Commands that entered before the measurement start
 * (warm-up) are counted but not recorded.
 */
final class LatencyRecorder implements EngineListener {

    private final EpochClock clock;
    private final Histogram histogram = new Histogram(60_000_000_000L, 3);
    private volatile long measureFrom = Long.MAX_VALUE;
    /**
     * Written by the one reporting thread with a release store: a volatile increment
     * would put a full fence on the engine's outbound thread for every command, a cost of
     * the harness and not of the engine.
     */
    private final AtomicLong completed = new AtomicLong();

    LatencyRecorder(EpochClock clock) {
        this.clock = clock;
    }

    void measureFrom(long epochNanos) {
        measureFrom = epochNanos;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (!event.lastOfCommand) {
            return;
        }
        commandDone(event.ingressNanos);
    }

    /** A command that entered at {@code ingressNanos} is done now (on the one thread that reports them). */
    void commandDone(long ingressNanos) {
        if (ingressNanos >= measureFrom) {
            histogram.recordValue(Math.max(0, clock.epochNanos() - ingressNanos));
        }
        completed.lazySet(completed.get() + 1);
    }

    /** Read after the pipeline is idle. */
    Histogram histogram() {
        return histogram;
    }

    long completed() {
        return completed.get();
    }
}

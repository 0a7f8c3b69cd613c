package io.ringbook.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watchdog's clock, stepped by hand over an edge that never takes its waiting event:
 * a pause that stopped the watchdog too (a collection, a machine without a free core)
 * does not count as the edge's stall; the time the watchdog watched does.
 */
class EdgeWatchdogTest {

    private static final long STEP = TimeUnit.MILLISECONDS.toNanos(5);

    private final RingBuffer<EngineEvent> ring = RingBuffer.createSingleProducer(EngineEvent::new, 64);
    private final OutboundConsumer edge = new OutboundConsumer("edges", true, ring, new EngineListener[0]);
    private final EdgeWatchdog watchdog = new EdgeWatchdog(List.of(edge), ring.getBufferSize());
    private long now = 1_000_000_000L;

    @Test
    void aPauseOfTheWholeProcessDoesNotCountAsAnEdgesStall() {
        ring.publish(ring.next());
        watchdog.begin(now);

        watchFor(TimeUnit.MILLISECONDS.toNanos(500));
        now += TimeUnit.SECONDS.toNanos(2);
        watchdog.checkAll(now);
        assertFalse(edge.isCutOff(), "two seconds the watchdog did not see are not held against the edge");

        watchFor(TimeUnit.MILLISECONDS.toNanos(400));
        assertFalse(edge.isCutOff(), "watched for about 0.95 s in all");

        watchFor(TimeUnit.MILLISECONDS.toNanos(200));
        assertTrue(edge.isCutOff(), "an edge that took nothing for over a second of watching is cut off");
    }

    @Test
    void anEdgeStalledWhileTheWatchdogRunsIsCutOffAfterTheGrace() {
        ring.publish(ring.next());
        watchdog.begin(now);

        watchFor(EdgeWatchdog.GRACE_NANOS - STEP);
        assertFalse(edge.isCutOff());
        watchFor(2 * STEP);
        assertTrue(edge.isCutOff());
    }

    private void watchFor(long nanos) {
        for (long end = now + nanos; now < end; ) {
            now += STEP;
            watchdog.checkAll(now);
        }
    }
}

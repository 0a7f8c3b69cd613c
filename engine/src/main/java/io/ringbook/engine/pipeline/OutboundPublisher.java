package io.ringbook.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;

/**
 * The business logic's sink behind the ring buffer: copies each event into a claimed
 * slot of the outbound ring and publishes a command's events together at its end, with
 * the last one flagged and stamped with when it was decided (for the latency recorders),
 * so readers wake once per command rather than once per event.
 * A command with very many events (a mass cancel) is published in chunks meanwhile, so
 * it can never wait on a ring that only its own unpublished events fill.
 */
final class OutboundPublisher implements EventSink {

    private final RingBuffer<EngineEvent> ring;
    private final EpochClock clock;
    private final int chunk;
    private long lastClaimed = -1;
    private long firstUnpublished = -1;

    OutboundPublisher(RingBuffer<EngineEvent> ring, EpochClock clock) {
        this.ring = ring;
        this.clock = clock;
        this.chunk = Math.max(1, ring.getBufferSize() / 4);
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (firstUnpublished >= 0 && lastClaimed - firstUnpublished + 1 >= chunk) {
            ring.publish(lastClaimed);
            firstUnpublished = -1;
        }
        lastClaimed = ring.next();
        if (firstUnpublished < 0) {
            firstUnpublished = lastClaimed;
        }
        ring.get(lastClaimed).copyFrom(event);
    }

    @Override
    public void onCommandEnd(long sequence) {
        if (firstUnpublished >= 0) {
            EngineEvent last = ring.get(lastClaimed);
            last.lastOfCommand = true;
            last.decidedNanos = clock.epochNanos();
            ring.publish(lastClaimed);
            firstUnpublished = -1;
        }
    }
}

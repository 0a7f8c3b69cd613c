package io.ringbook.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;

/**
 * The business logic's sink behind the ring buffer: hands out each claimed slot of the
 * outbound ring for the logic to write its event into (copying only an event written
 * elsewhere), flags each command's last event and stamps it with when it
 * was decided (for the latency recorders), and publishes once per inbound batch
 * ({@link #endOfBatch}), so the outbound consumers wake once per batch rather than once
 * per command. A batch with very many events (a mass cancel) is published in chunks
 * meanwhile, so it can never wait on a ring that only its own unpublished events fill.
 * When the ring is full it waits, as the ring's producer (at most a quarter of the ring is
 * unpublished, so the consumers always have published events to free it with), and
 * {@link EdgeWatchdog} cuts off a stalled edge, so the wait is bounded.
 */
final class OutboundPublisher implements EventSink {

    private final RingBuffer<EngineEvent> ring;
    private final EpochClock clock;
    private final int chunk;
    private EngineEvent filling;
    private long lastClaimed = -1;
    private long firstUnpublished = -1;

    OutboundPublisher(RingBuffer<EngineEvent> ring, EpochClock clock) {
        this.ring = ring;
        this.clock = clock;
        this.chunk = Math.max(1, ring.getBufferSize() / 4);
    }

    /** The next slot of the ring, for the logic to write its event straight into. */
    @Override
    public EngineEvent claim(EngineEvent scratch) {
        if (firstUnpublished >= 0 && lastClaimed - firstUnpublished + 1 >= chunk) {
            endOfBatch();
        }
        lastClaimed = ring.next();
        if (firstUnpublished < 0) {
            firstUnpublished = lastClaimed;
        }
        filling = ring.get(lastClaimed);
        return filling;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event != filling) {
            claim(event).copyFrom(event);
        }
        filling = null;
    }

    @Override
    public void onCommandEnd(long sequence) {
        if (firstUnpublished >= 0 && !ring.get(lastClaimed).lastOfCommand) {
            EngineEvent last = ring.get(lastClaimed);
            last.lastOfCommand = true;
            last.decidedNanos = clock.epochNanos();
        }
    }

    /** Publishes every event claimed so far: the end of an inbound batch. */
    void endOfBatch() {
        if (firstUnpublished >= 0) {
            ring.publish(firstUnpublished, lastClaimed);
            firstUnpublished = -1;
        }
    }
}

package io.ringbook.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;

/**
 * The business logic's sink behind the ring buffer: copies each event into a slot of
 * the outbound ring. It holds back the latest event until the next one or the end of
 * its command, so it can flag the command's last event before anyone reads it.
 */
final class OutboundPublisher implements EventSink {

    private final RingBuffer<EngineEvent> ring;
    private long pending = -1;

    OutboundPublisher(RingBuffer<EngineEvent> ring) {
        this.ring = ring;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (pending >= 0) {
            ring.publish(pending);
        }
        pending = ring.next();
        ring.get(pending).copyFrom(event);
    }

    @Override
    public void onCommandEnd(long sequence) {
        if (pending >= 0) {
            ring.get(pending).lastOfCommand = true;
            ring.publish(pending);
            pending = -1;
        }
    }
}

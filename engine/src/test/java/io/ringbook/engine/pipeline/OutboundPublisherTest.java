package io.ringbook.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.ringbook.engine.event.EngineEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundPublisherTest {

    private RingBuffer<EngineEvent> ring;
    private OutboundPublisher publisher;
    private long clockReads;

    /** A publisher on a ring of {@code slots} that no consumer holds back, with a clock that counts its reads. */
    private void ringOf(int slots) {
        ring = RingBuffer.createSingleProducer(EngineEvent::new, slots);
        ring.addGatingSequences(new Sequence(Long.MAX_VALUE));
        publisher = new OutboundPublisher(ring, () -> 1_000 * ++clockReads);
    }

    private void command(long sequence, int events) {
        for (int i = 0; i < events; i++) {
            EngineEvent slot = publisher.claim(null);
            slot.lastOfCommand = false;
            slot.decidedNanos = 0;
            slot.orderId = sequence;
            publisher.onEvent(slot);
        }
        publisher.onCommandEnd(sequence);
    }

    /**
     * A batch's commands are published together, and each command's last event (only it)
     * is flagged and stamped with the one clock read taken at publication; a command
     * without events stamps nothing.
     */
    @Test
    void eachCommandsLastEventIsStampedWithTheBatchsOnePublication() {
        ringOf(64);
        command(1, 2);
        command(2, 0);
        command(3, 1);
        command(4, 3);
        assertEquals(-1, ring.getCursor(), "nothing visible before the batch ends");
        assertEquals(0, clockReads, "no clock read per command");
        publisher.endOfBatch();
        assertEquals(5, ring.getCursor(), "the six events published at once");
        assertEquals(1, clockReads, "one clock read for the batch");
        boolean[] last = {false, true, true, false, false, true};
        for (int s = 0; s <= 5; s++) {
            EngineEvent event = ring.get(s);
            assertEquals(last[s], event.lastOfCommand, "event " + s);
            assertEquals(last[s] ? 1_000 : 0, event.decidedNanos, "event " + s);
        }
        command(5, 1);
        publisher.endOfBatch();
        publisher.endOfBatch();
        assertEquals(2, clockReads, "the next batch reads the clock once; an empty one not at all");
        assertEquals(2_000, ring.get(6).decidedNanos);
    }

    /**
     * A command whose events pass a quarter of the ring is published in chunks meanwhile;
     * its last event is stamped at the publication that shows it.
     */
    @Test
    void aLongCommandIsPublishedInChunksAndItsLastEventStampedWhenShown() {
        ringOf(16);
        command(1, 1);
        command(2, 9);
        assertTrue(ring.getCursor() >= 3, "chunks published while the command went on");
        assertEquals(1, clockReads, "the first chunk stamped the first command");
        assertEquals(1_000, ring.get(0).decidedNanos);
        assertFalse(ring.get(ring.getCursor()).lastOfCommand, "the long command's events so far are not its last");
        publisher.endOfBatch();
        assertEquals(9, ring.getCursor());
        assertTrue(ring.get(9).lastOfCommand);
        assertEquals(1_000 * clockReads, ring.get(9).decidedNanos, "stamped at the publication that showed it");
    }
}

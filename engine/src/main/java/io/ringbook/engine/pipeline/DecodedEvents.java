package io.ringbook.engine.pipeline;

import io.ringbook.engine.event.EngineEvent;

import java.util.Arrays;

/**
 * The events one outbound thread read out of the ring's slots lately, by sequence, so that
 * each slot is read once per thread: the edges read it, and the replies and the output
 * journal that follow them on the same thread, a batch behind at most, take the same
 * event. Twice the edges' largest batch, so a follower always finds its batch here (an
 * event it does not find, it reads again: never a wrong one, a sequence names each). Only
 * its own thread touches it.
 */
final class DecodedEvents {

    private static final int SIZE = 2 * OutboundConsumer.MAX_BATCH;

    private final EngineEvent[] events = new EngineEvent[SIZE];
    private final long[] sequences = new long[SIZE];

    DecodedEvents() {
        Arrays.setAll(events, i -> new EngineEvent().clear());
        Arrays.fill(sequences, -1);
    }

    /** The event of ring sequence {@code sequence}, read from its slot unless this thread has read it already. */
    EngineEvent get(EventSlots slots, long sequence) {
        int i = (int) (sequence & (SIZE - 1));
        EngineEvent event = events[i];
        if (sequences[i] != sequence) {
            slots.read(slots.slot(sequence), event);
            sequences[i] = sequence;
        }
        return event;
    }
}

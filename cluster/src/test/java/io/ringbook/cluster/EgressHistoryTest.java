package io.ringbook.cluster;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The frames a node keeps for resends: each frame's record and origin by number, the oldest dropped when full. */
class EgressHistoryTest {

    private final EgressHistory history = new EgressHistory(4);

    @Test
    void keepsTheNewestFramesRecordsAndOriginsByNumberLongOnesIncluded() {
        history.startAfter(10);
        for (int i = 0; i < 5; i++) {
            byte[] record = new byte[i == 4 ? EgressHistory.SLOT + 100 : 20 + i];
            record[record.length - 1] = (byte) (i + 1);
            history.add(100 + i, new UnsafeBuffer(record), 0, record.length);
        }

        assertEquals(12, history.oldest(), "frame 11 dropped: four kept");
        assertEquals(15, history.newest());
        UnsafeBuffer into = new UnsafeBuffer(new byte[1024]);
        for (long number = 12; number <= 15; number++) {
            int i = (int) (number - 11);
            int length = history.copy(number, into, 7);
            assertEquals(i == 4 ? EgressHistory.SLOT + 100 : 20 + i, length);
            assertEquals(length, history.length(number));
            assertEquals(100 + i, history.origin(number));
            assertEquals(i + 1, into.getByte(7 + length - 1), "frame " + number + "'s own record");
        }
    }
}

package io.ringbook.gateway.rest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The shared frame log's ring: what a reader finds at a position, that a reused slot is never read as its old entry, and what it lets go. */
class FrameLogTest {

    @Test
    void shouldKeepTheLastEntriesAndRefuseAPositionWhoseSlotWasReused() {
        FrameLog log = new FrameLog(4, Long.MAX_VALUE);
        for (int i = 0; i < 6; i++) {
            log.append(i % 2, 7, i, "frame" + i);
        }
        assertEquals(6, log.head());
        assertEquals(36, log.endBytes(), "six frames of six bytes");
        assertNull(log.entry(0), "position 0's slot holds position 4 now");
        assertNull(log.entry(1));
        FrameLog.Entry entry = log.entry(5);
        assertEquals(1, entry.channel());
        assertEquals(5, entry.bookSequence());
        assertEquals(36, entry.endBytes());
        assertEquals("frame5", StandardCharsets.UTF_8.decode(entry.frame().duplicate()).toString());
        assertEquals(2, log.entry(2).position());
    }

    @Test
    void shouldLetGoOfEntriesFurtherBehindThanTheByteBoundAndKeepTheRest() {
        FrameLog log = new FrameLog(16, 20);
        for (int i = 0; i < 6; i++) {
            log.append(0, 0, i, "frame" + i);
        }
        assertNull(log.entry(1), "ends at byte 12, 36 - 12 > 20: no session that far behind is kept");
        assertEquals(2, log.entry(2).position(), "ends at byte 18, within 20 of the newest");
        assertEquals(5, log.entry(5).position());
        log.append(0, 0, 6, "a frame far larger than the bound");
        assertNull(log.entry(5));
        assertEquals(6, log.entry(6).position(), "the newest entry is kept whatever its size");
    }

    @Test
    void shouldSizeTheRingFromTheByteBoundAsAPowerOfTwo() {
        assertEquals(65_536, FrameLog.forQueueBytes(4L << 20).capacity());
        assertEquals(1024, FrameLog.forQueueBytes(1024).capacity());
        assertEquals(8192, FrameLog.forQueueBytes(300_000).capacity());
    }
}

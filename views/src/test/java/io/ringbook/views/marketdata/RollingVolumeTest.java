package io.ringbook.views.marketdata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollingVolumeTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final long START = 30_000_000L * MINUTE;

    @Test
    void shouldCountTheMinutesOfTheLastDayExactly() {
        RollingVolume volume = new RollingVolume();
        volume.add(START, 5);
        volume.add(START + 30 * 1_000_000_000L, 2);
        volume.add(START + 10 * MINUTE, 3);
        assertEquals(10, volume.total(START));
        volume.add(START + 1439 * MINUTE, 1);
        assertEquals(11, volume.total(START), "the first minute is the window's oldest now");
        volume.add(START + 1440 * MINUTE, 4);
        assertEquals(8, volume.total(START), "the first minute's 7 left the window");
        volume.add(START + 1450 * MINUTE, 0);
        assertEquals(5, volume.total(START), "and the tenth minute's 3");
        volume.add(START + 5 * 1440 * MINUTE, 6);
        assertEquals(6, volume.total(START + 5 * 1440 * MINUTE), "after a quiet day only the new trade counts");
        assertEquals(6, volume.total(START + 6 * 1440 * MINUTE - MINUTE), "a day on, in its last minute, it still counts");
        assertEquals(0, volume.total(START + 6 * 1440 * MINUTE), "a full day on without a trade, nothing is left");
        volume.add(START + 4 * 1440 * MINUTE, 9);
        assertEquals(0, volume.total(START + 6 * 1440 * MINUTE), "a trade stamped before the window is not counted");
    }
}

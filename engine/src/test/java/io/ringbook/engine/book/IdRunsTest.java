package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdRunsTest {

    /**
     * Runs of every length around the first chunk's doublings and the chunks' edge find
     * each of their ids and no id between or beyond them; a run's room is counted as it
     * grows (the first chunk from 16 offsets, then chunks of 4,096), and the next day's run
     * is empty and reuses that room.
     */
    @Test
    void aRunFindsEachOfItsIdsAtEveryLengthAndKeepsItsRoomForTheNextDay() {
        for (int length : new int[] {1, 15, 16, 17, 2_048, 4_095, 4_096, 4_097, 9_000}) {
            ClOrdIdArena arena = new ClOrdIdArena(1 << 16);
            IdRuns runs = new IdRuns();
            ClOrdId id = new ClOrdId();
            long[] offsets = new long[length + 1];
            for (int n = 1; n <= length; n++) {
                id.set("c" + 2 * n);
                offsets[n] = arena.append(ClOrdIdArena.head(7, id), n, id, n);
                runs.add(7, offsets[n]);
            }
            for (int n = 0; n <= 2 * length + 2; n++) {
                id.set("c" + n);
                long expected = n % 2 == 0 && n >= 2 && n / 2 <= length ? offsets[n / 2] : -1;
                assertEquals(expected, runs.find(7, id, arena), length + ": c" + n);
                assertEquals(-1, runs.find(6, id, arena), length + ": c" + n + " is not another account's");
            }
            long room = length <= IdRuns.CHUNK ? Math.max(IdRuns.FIRST, Integer.highestOneBit(length - 1) << 1)
                    : IdRuns.CHUNK * (long) ((length + IdRuns.CHUNK - 1) / IdRuns.CHUNK);
            assertEquals(Math.max(IdRuns.FIRST, room) * Integer.BYTES, runs.footprintBytes(), length + " offsets' room");
            runs.startNewDay();
            id.set("c2");
            assertEquals(-1, runs.find(7, id, arena), length + ": yesterday's run is empty");
            runs.add(7, offsets[1]);
            assertEquals(offsets[1], runs.find(7, id, arena), length + ": today's first id");
            assertEquals(Math.max(IdRuns.FIRST, room) * Integer.BYTES, runs.footprintBytes(), length + ": the room is reused");
        }
    }
}

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
            IdRuns runs = new IdRuns(0);
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

    /**
     * Room made up front for the day's expected ids is what the runs grow into: runs of
     * several accounts filling it add nothing to the footprint but their small first
     * chunks, and find their ids; beyond it, chunks are made as before.
     */
    @Test
    void runsGrowIntoTheRoomMadeUpFrontForTheDaysIds() {
        int accounts = 3;
        int perAccount = 2 * IdRuns.CHUNK;
        IdRuns runs = new IdRuns((long) accounts * perAccount);
        long upFront = (long) accounts * perAccount * Integer.BYTES;
        assertEquals(upFront, runs.footprintBytes(), "the day's room, made at once");
        ClOrdIdArena arena = new ClOrdIdArena(1 << 18);
        ClOrdId id = new ClOrdId();
        long[][] offsets = new long[accounts][perAccount + 1];
        for (int n = 1; n <= perAccount; n++) {
            for (int account = 0; account < accounts; account++) {
                id.set("c" + n);
                offsets[account][n] = arena.append(ClOrdIdArena.head(account, id), n, id, n);
                runs.add(account, offsets[account][n]);
            }
            if (n == IdRuns.CHUNK / 2) {
                assertEquals(upFront + (long) accounts * n * Integer.BYTES, runs.footprintBytes(),
                        "first chunks still small, beside the room made up front");
            }
        }
        assertEquals(upFront, runs.footprintBytes(), "every run grew into the room made up front");
        for (int account = 0; account < accounts; account++) {
            for (int n = 1; n <= perAccount; n += 97) {
                id.set("c" + n);
                assertEquals(offsets[account][n], runs.find(account, id, arena), account + ": c" + n);
            }
        }
        id.set("c" + (perAccount + 1));
        runs.add(0, arena.append(ClOrdIdArena.head(0, id), 0, id, perAccount + 1));
        assertEquals(upFront + IdRuns.CHUNK * Integer.BYTES, runs.footprintBytes(), "beyond it, a chunk made then");
    }

    /**
     * The room made up front is whole chunks for the expected ids, however many; a day that
     * used part of it leaves the rest for a later day, whose runs grow into their own
     * chunks first.
     */
    @Test
    void theRoomMadeUpFrontIsWholeChunksAndWhatADayLeavesStaysForTheNext() {
        assertEquals(2L * IdRuns.CHUNK * Integer.BYTES, new IdRuns(IdRuns.CHUNK + 1).footprintBytes(), "4,097 ids: two chunks");
        IdRuns runs = new IdRuns(3L * IdRuns.CHUNK);
        long upFront = 3L * IdRuns.CHUNK * Integer.BYTES;
        ClOrdIdArena arena = new ClOrdIdArena(1 << 16);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= IdRuns.CHUNK + 1; n++) {
            id.set("c" + n);
            runs.add(0, arena.append(ClOrdIdArena.head(0, id), n, id, n));
        }
        assertEquals(upFront, runs.footprintBytes(), "one account took two of the three chunks");
        runs.startNewDay();
        for (int n = 1; n <= IdRuns.CHUNK + 1; n++) {
            id.set("c" + n);
            runs.add(0, arena.append(ClOrdIdArena.head(0, id), n, id, n));
        }
        assertEquals(upFront, runs.footprintBytes(), "the next day's run reuses its own chunks");
        for (int n = 1; n <= IdRuns.CHUNK; n++) {
            id.set("d" + n);
            runs.add(1, arena.append(ClOrdIdArena.head(1, id), n, id, n));
        }
        assertEquals(upFront, runs.footprintBytes(), "another account's run takes the chunk left");
        id.set("d" + (IdRuns.CHUNK + 1));
        runs.add(1, arena.append(ClOrdIdArena.head(1, id), 0, id, 0));
        assertEquals(upFront + IdRuns.CHUNK * Integer.BYTES, runs.footprintBytes(), "and past it a chunk is made");
    }
}

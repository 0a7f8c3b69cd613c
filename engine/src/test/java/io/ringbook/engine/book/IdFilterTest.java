package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdFilterTest {

    private static final int IDS = 1 << 16;

    /**
     * Through the index's own hash, for each structured id style: every id added today is
     * "maybe" (never a false "new"), a full day's new ids get a false "maybe" about one in
     * sixteen times over the day and one in six at its end (the rates the class comment
     * gives for {@value IdFilter#BITS_PER_ID} bits per id), and a new day forgets them all.
     */
    @Test
    void neverCallsATodaysIdNewAndAnswersFalseMaybesAtTheRateItsSizeGives() {
        String[] styles = {"ORD%08d", "c-%d", "c%d", "%016d", "uuid"};
        ClOrdId id = new ClOrdId();
        for (String style : styles) {
            IdFilter filter = new IdFilter(IDS);
            int falseMaybes = 0;
            for (int n = 1; n <= IDS; n++) {
                long hash = hash(style, n, id);
                if (filter.mayHold(hash)) {
                    falseMaybes++;
                }
                filter.add(hash);
            }
            int endOfDay = 0;
            for (int n = IDS + 1; n <= 2 * IDS; n++) {
                if (filter.mayHold(hash(style, n, id))) {
                    endOfDay++;
                }
            }
            for (int n = 1; n <= IDS; n++) {
                assertTrue(filter.mayHold(hash(style, n, id)), style + " " + n + " added today");
            }
            double overTheDay = falseMaybes / (double) IDS;
            double atTheEnd = endOfDay / (double) IDS;
            assertTrue(overTheDay > 0.04 && overTheDay < 0.08, style + ": false maybes over the day " + overTheDay);
            assertTrue(atTheEnd > 0.12 && atTheEnd < 0.20, style + ": false maybes at the day's end " + atTheEnd);
            filter.startNewDay();
            for (int n = 1; n <= IDS; n++) {
                assertFalse(filter.mayHold(hash(style, n, id)), style + " " + n + " is new the next day");
            }
        }
    }

    private static long hash(String style, int n, ClOrdId id) {
        id.set(style.equals("uuid") ? new UUID(0x5DEECE66DL * n, 0xB16B00B5L ^ n).toString() : String.format(style, n));
        return ClOrdIdIndex.hash(ClOrdIdArena.head(n % 7, id), id);
    }
}

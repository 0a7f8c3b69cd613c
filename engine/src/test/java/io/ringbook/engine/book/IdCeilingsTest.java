package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdCeilingsTest {

    /** Shorter ids first, then by their characters: the order the ceilings keep. */
    private static final Comparator<String> SHORTLEX = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    @Test
    void countersGrowAsTheirNumbersDoAndEveryIdAtOrBelowTheCeilingIsNotCalledNew() {
        IdCeilings ceilings = new IdCeilings();
        assertTrue(above(ceilings, 0, "c1"), "an account that used no id has no ceiling");
        raise(ceilings, 0, "c9");
        assertTrue(above(ceilings, 0, "c10"), "c10 is above c9: longer");
        assertFalse(above(ceilings, 0, "c9"), "the ceiling itself was used");
        assertFalse(above(ceilings, 0, "c8"));
        assertFalse(above(ceilings, 0, "b"), "shorter");
        raise(ceilings, 0, "c10");
        raise(ceilings, 0, "c2");
        assertFalse(above(ceilings, 0, "c10"), "a lower id used later leaves the ceiling where it was");
        assertTrue(above(ceilings, 0, "c11"));
        assertTrue(above(ceilings, 1, "c1"), "each account has its own ceiling");
    }

    @Test
    void idsOfEveryLengthCompareByEachOfTheirWords() {
        IdCeilings ceilings = new IdCeilings();
        String longest = "ORD-2026-12-01-000000000000000000042";
        assertEquals(ClOrdId.MAX_LENGTH, longest.length());
        raise(ceilings, 3, longest);
        assertFalse(above(ceilings, 3, longest));
        assertTrue(above(ceilings, 3, "ORD-2026-12-01-000000000000000000043"), "the last word differs");
        assertFalse(above(ceilings, 3, "ORD-2026-12-01-000000000000000000041"));
        assertTrue(above(ceilings, 3, "ORD-2026-12-02-000000000000000000000"), "the second word differs");
        assertFalse(above(ceilings, 3, "ORD-2026-11-30-999999999999999999999"));
        assertFalse(above(ceilings, 3, "~"), "a shorter id is below, whatever its characters");
    }

    /**
     * Against a sorted set of what each account used, over ids of every style that grow,
     * repeat and fall back: an id is above its account's ceiling exactly when it is greater
     * than every id the account used (so never when the account used it), accounts far
     * beyond the first room included; a new day forgets every ceiling.
     */
    @Test
    void anIdIsAboveExactlyWhenItIsGreaterThanEveryIdItsAccountUsed() {
        IdCeilings ceilings = new IdCeilings();
        SplittableRandom random = new SplittableRandom(7);
        int[] accounts = {0, 1, 2, 15, 16, 17, 100, 1_000};
        for (int day = 0; day < 2; day++) {
            List<TreeSet<String>> used = new ArrayList<>();
            for (int i = 0; i < accounts.length; i++) {
                used.add(new TreeSet<>(SHORTLEX));
            }
            for (int n = 1; n <= 20_000; n++) {
                int a = random.nextInt(accounts.length);
                String id = switch (random.nextInt(5)) {
                    case 0 -> String.format("ORD%08d", n - random.nextInt(50));
                    case 1 -> "c" + (n - random.nextInt(3));
                    case 2 -> "c-" + n;
                    case 3 -> String.format("%016d", n);
                    default -> new UUID(random.nextLong(), random.nextLong()).toString();
                };
                TreeSet<String> mine = used.get(a);
                boolean greaterThanAll = mine.isEmpty() || SHORTLEX.compare(id, mine.last()) > 0;
                assertEquals(greaterThanAll, above(ceilings, accounts[a], id), id + " of account " + accounts[a]);
                if (random.nextInt(4) > 0) {
                    raise(ceilings, accounts[a], id);
                    mine.add(id);
                    assertFalse(above(ceilings, accounts[a], id), id + " was just used");
                }
            }
            ceilings.startNewDay();
            for (int account : accounts) {
                assertTrue(above(ceilings, account, "!"), "a new day: account " + account + " has used no id");
            }
        }
    }

    private static boolean above(IdCeilings ceilings, int account, String text) {
        return ceilings.above(account, id(text));
    }

    private static void raise(IdCeilings ceilings, int account, String text) {
        ceilings.raise(account, id(text));
    }

    private static ClOrdId id(String text) {
        ClOrdId id = new ClOrdId();
        assertTrue(id.set(text), text);
        return id;
    }
}

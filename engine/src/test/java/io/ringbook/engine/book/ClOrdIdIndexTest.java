package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClOrdIdIndexTest {

    /**
     * The id styles clients use: counters with a prefix or zero padding, row numbers (all
     * growing), UUID strings in no order, and 36-character ids that grow (so that ids of
     * five words go into the runs too).
     */
    private static final Map<String, IntFunction<String>> STYLES = Map.of(
            "ORD%08d", n -> String.format("ORD%08d", n),
            "c-%d", n -> "c-" + n,
            "c<row>", n -> "c" + n,
            "%016d", n -> String.format("%016d", n),
            "uuid", n -> new UUID(0x9E3779B97F4A7C15L * n, 0xB16B00B5L ^ n).toString(),
            "growing 36", n -> new UUID(0x5DEECE66DL * n, 0xB16B00B5L ^ n).toString());

    @Test
    void shouldFindExactlyWhatWasPutAcrossGrowthLikeAHashMap() {
        ClOrdIdIndex index = new ClOrdIdIndex(4);
        Map<String, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        ClOrdId id = new ClOrdId();
        for (long orderId = 1; orderId <= 20_000; orderId++) {
            int account = random.nextInt(5);
            String text = "c" + random.nextInt(30_000) + "-" + "x".repeat(random.nextInt(30));
            id.set(text);
            String key = account + "/" + text;
            assertEquals(reference.getOrDefault(key, 0L), index.find(account, id), key);
            if (!reference.containsKey(key)) {
                index.put(account, id, orderId);
                reference.put(key, orderId);
            }
        }
        assertEquals(reference.size(), index.size());
        assertTrue(index.splits() > 0, "an index built for 4 ids grew by splitting segments");
        for (Map.Entry<String, Long> put : reference.entrySet()) {
            String[] parts = put.getKey().split("/", 2);
            id.set(parts[1]);
            assertEquals(put.getValue(), index.find(Integer.parseInt(parts[0]), id), put.getKey());
        }
        index.startNewDay();
        assertEquals(0, index.size());
        for (Map.Entry<String, Long> used : reference.entrySet()) {
            String[] parts = used.getKey().split("/", 2);
            id.set(parts[1]);
            assertEquals(0, index.find(Integer.parseInt(parts[0]), id), "yesterday's " + used.getKey() + " is forgotten");
        }
        id.set("fresh");
        index.put(3, id, 99);
        assertEquals(99, index.find(3, id));
    }

    /**
     * Hundreds of segment splits, over which the directory doubles several times: every id
     * is still found with its order, none under another account.
     */
    @Test
    void everyIdIsFoundAfterHundredsOfSplits() {
        ClOrdIdIndex index = new ClOrdIdIndex(16);
        ClOrdId id = new ClOrdId();
        int ids = 400_000;
        for (int n = 1; n <= ids; n++) {
            id.set(ordPadded(n));
            index.put(n % 3, id, n);
        }
        assertTrue(index.splits() > 200, "splits: " + index.splits());
        for (int n = 1; n <= ids; n++) {
            id.set(ordPadded(n));
            assertEquals(n, index.find(n % 3, id), "ORD" + n);
            assertEquals(0, index.find((n + 1) % 3, id), "ORD" + n + " of another account");
        }
    }

    /** {@code ORD%08d} without a formatter (400,000 of them). */
    private static String ordPadded(int n) {
        return "ORD" + String.valueOf(100_000_000 + n).substring(1);
    }

    @Test
    void shouldFindEveryStructuredIdStyleAndNoIdOfAnotherAccount() {
        ClOrdId id = new ClOrdId();
        for (Map.Entry<String, IntFunction<String>> style : STYLES.entrySet()) {
            ClOrdIdIndex index = new ClOrdIdIndex(20_000);
            for (int n = 1; n <= 60_000; n++) {
                id.set(style.getValue().apply(n));
                index.put(n % 7, id, n);
            }
            assertEquals(60_000, index.size(), style.getKey());
            for (int n = 1; n <= 60_000; n++) {
                id.set(style.getValue().apply(n));
                assertEquals(n, index.find(n % 7, id), style.getKey() + " " + n);
                assertEquals(0, index.find(n % 7 + 1, id), style.getKey() + " " + n + " of another account");
            }
            id.set(style.getValue().apply(60_001));
            assertEquals(0, index.find(60_001 % 7, id), style.getKey() + " never put");
        }
    }

    /**
     * The day's index answers from its filter and holds inserts back in groups: for every
     * id style, it answers exactly as a map does after each step, also for an id resent
     * while its own entry still waits in the group, for ids of other accounts, across
     * growth far beyond the size it was built for, and after a new day that drops a group
     * half full.
     */
    @Test
    void aDaysIndexAnswersLikeAHashMapForEveryStyleWhileItsInsertsWaitInGroups() {
        ClOrdId id = new ClOrdId();
        SplittableRandom random = new SplittableRandom(11);
        for (Map.Entry<String, IntFunction<String>> style : STYLES.entrySet()) {
            ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
            for (int day = 0; day < 3; day++) {
                Map<String, Long> reference = new HashMap<>();
                int ids = 20_000 + day * 7;
                for (int n = 1; n <= ids; n++) {
                    int account = n % 5;
                    id.set(style.getValue().apply(n));
                    assertEquals(0, index.find(account, id), style.getKey() + " " + n + " is new");
                    index.put(account, id, n);
                    reference.put(account + "/" + n, (long) n);
                    assertEquals(n, index.find(account, id), style.getKey() + " " + n + " is found straight after its put");
                    assertEquals(0, index.find(account + 1, id), style.getKey() + " " + n + " is not another account's");
                    int earlier = 1 + random.nextInt(n);
                    id.set(style.getValue().apply(earlier));
                    assertEquals(reference.get(earlier % 5 + "/" + earlier), index.find(earlier % 5, id), style.getKey() + " resent " + earlier);
                }
                assertEquals(ids, index.size());
                index.startNewDay();
                id.set(style.getValue().apply(ids));
                assertEquals(0, index.find(ids % 5, id), style.getKey() + ": yesterday's last id, still waiting in its group, is forgotten");
            }
            if (style.getKey().equals("uuid")) {
                assertTrue(index.splits() > 0, "an index built for 1,000 ids a day grew by splitting segments");
            } else {
                assertEquals(0, index.splits(), style.getKey() + ": ids that grow go to their accounts' runs, not the table");
            }
        }
    }

    /**
     * A whole group waits before it goes in: for each structured id style, every id of the
     * group is found with its own orderId (through the pending entries' own hash) up to the
     * put that sends the group to the table and after it, and a group half full when the
     * day ends leaves nothing behind: the same ids are new the next day and found with that
     * day's orderIds.
     */
    @Test
    void aDaysIndexFindsEveryIdOfAWaitingGroupAndForgetsAGroupLeftAtTheDaysEnd() {
        ClOrdId id = new ClOrdId();
        for (Map.Entry<String, IntFunction<String>> style : STYLES.entrySet()) {
            ClOrdIdIndex index = ClOrdIdIndex.forDays(100_000);
            int ids = 2 * ClOrdIdIndex.PENDING + ClOrdIdIndex.PENDING / 2;
            for (int n = 1; n <= ids; n++) {
                id.set(style.getValue().apply(n));
                index.put(n % 3, id, 1_000 + n);
                if (n % ClOrdIdIndex.PENDING >= ClOrdIdIndex.PENDING - 1 || n % ClOrdIdIndex.PENDING <= 1 || n == ids) {
                    for (int earlier = 1; earlier <= n; earlier++) {
                        id.set(style.getValue().apply(earlier));
                        assertEquals(1_000 + earlier, index.find(earlier % 3, id), style.getKey() + " " + earlier + " after " + n + " puts");
                        assertEquals(0, index.find(earlier % 3 + 1, id), style.getKey() + " " + earlier + " is not another account's");
                    }
                }
            }
            index.startNewDay();
            for (int n = ids; n > ids - ClOrdIdIndex.PENDING; n--) {
                id.set(style.getValue().apply(n));
                assertEquals(0, index.find(n % 3, id), style.getKey() + " " + n + " is new the next day");
                index.put(n % 3, id, 5_000 + n);
                assertEquals(5_000 + n, index.find(n % 3, id), style.getKey() + " " + n + " found with the next day's orderId");
            }
            id.set(style.getValue().apply(1));
            assertEquals(0, index.find(1, id), style.getKey() + ": an id of the day before, not used again, is new");
        }
    }

    /** A day's index writes what a plain one writes, whatever still waits in a group, and reads it back. */
    @Test
    void aDaysIndexWritesAndReadsTheSameSnapshotAsAPlainOne() {
        ClOrdIdIndex plain = new ClOrdIdIndex(16);
        ClOrdIdIndex day = ClOrdIdIndex.forDays(16);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 10_003; n++) {
            id.set(STYLES.get("c-%d").apply(n));
            plain.put(n % 3, id, n);
            day.put(n % 3, id, n);
        }
        StateBuffer fromPlain = new StateBuffer(1024);
        plain.writeTo(fromPlain);
        StateBuffer fromDay = new StateBuffer(1024);
        day.writeTo(fromDay);
        assertEquals(java.nio.ByteBuffer.wrap(fromPlain.array(), 0, fromPlain.length()), java.nio.ByteBuffer.wrap(fromDay.array(), 0, fromDay.length()));
        ClOrdIdIndex restored = ClOrdIdIndex.forDays(16);
        restored.readFrom(fromDay.load(fromDay.array(), 0, fromDay.length()));
        for (int n = 1; n <= 10_004; n++) {
            id.set(STYLES.get("c-%d").apply(n));
            assertEquals(n <= 10_003 ? n : 0, restored.find(n % 3, id), "id " + n);
        }
    }

    /**
     * A table of 2^16 slots (16 segments) filled with 50,000 ids of one account: each
     * style reaches as many distinct slots as random keys would (about 35,000; the old
     * hash put ORD%08d into about 1,000).
     */
    @Test
    void shouldSpreadStructuredIdsLikeRandomOnes() {
        ClOrdId id = new ClOrdId();
        double expected = 65_536 * (1 - Math.exp(-50_000 / 65_536.0));
        for (Map.Entry<String, IntFunction<String>> style : STYLES.entrySet()) {
            Set<Long> slots = new HashSet<>();
            Set<Long> fingerprints = new HashSet<>();
            for (int n = 1; n <= 50_000; n++) {
                id.set(style.getValue().apply(n));
                long hash = ClOrdIdIndex.hash(ClOrdIdArena.head(1, id), id);
                slots.add((hash >>> 60) << 12 | (hash & (ClOrdIdIndex.SEGMENT_SLOTS - 1)));
                fingerprints.add((hash >>> 16) & 0xFFFF);
            }
            assertTrue(slots.size() > 0.97 * expected, style.getKey() + ": " + slots.size() + " distinct slots of ~" + (int) expected);
            assertTrue(fingerprints.size() > 0.97 * expected, style.getKey() + ": " + fingerprints.size() + " distinct fingerprints");
        }
    }

    @Test
    void shouldWriteEntriesInTheOrderTheyWereMadeAndReadThemBack() {
        ClOrdIdIndex index = new ClOrdIdIndex(16);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 10_000; n++) {
            id.set(STYLES.get("uuid").apply(n));
            index.put(n % 3, id, n);
        }
        StateBuffer buffer = new StateBuffer(1024);
        index.writeTo(buffer.clear());
        assertEquals(4 + 10_000 * 7 * Long.BYTES, buffer.length(), "the count, then seven longs per entry");
        ClOrdIdIndex restored = new ClOrdIdIndex(16);
        restored.readFrom(buffer.load(buffer.array(), 0, buffer.length()));
        assertEquals(10_000, restored.size());
        for (int n = 1; n <= 10_000; n++) {
            id.set(STYLES.get("uuid").apply(n));
            assertEquals(n, restored.find(n % 3, id), "id " + n);
            assertEquals(0, restored.find(n % 3 + 1, id), "id " + n + " of another account");
        }
        StateBuffer again = new StateBuffer(1024);
        restored.writeTo(again.clear());
        assertEquals(java.nio.ByteBuffer.wrap(buffer.array(), 0, buffer.length()), java.nio.ByteBuffer.wrap(again.array(), 0, again.length()),
                "a restored index writes the same bytes");
    }

    /**
     * A snapshot's ids are written off the logic thread from a view of the arena: what the
     * logic puts afterwards, even on a new day that reuses the arena, does not reach the
     * snapshot, which holds exactly the ids made before it, as a synchronous write does.
     */
    @Test
    void aDeferredSnapshotHoldsTheIdsBeforeItWhateverTheIndexDoesBeforeItIsWritten() {
        ClOrdIdIndex index = new ClOrdIdIndex(16);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 50_000; n++) {
            id.set(STYLES.get("ORD%08d").apply(n));
            index.put(n % 7, id, n);
        }
        StateBuffer expected = new StateBuffer(1024);
        index.writeDeferred(expected).writeTo(expected);
        StateBuffer deferred = new StateBuffer(1024);
        DeferredState entries = index.writeDeferred(deferred);
        for (int day = 0; day < 2; day++) {
            index.startNewDay();
            for (int n = 1; n <= 60_000; n++) {
                id.set(STYLES.get("uuid").apply(n));
                index.put(n % 5, id, -n);
            }
        }
        entries.writeTo(deferred);
        assertEquals(java.nio.ByteBuffer.wrap(expected.array(), 0, expected.length()),
                java.nio.ByteBuffer.wrap(deferred.array(), 0, deferred.length()));
        id.set(STYLES.get("uuid").apply(60_000));
        assertEquals(-60_000, index.find(0, id), "the new day's ids went to fresh chunks, readable as ever");
    }

    /**
     * A day index's snapshot is its arena's words as they lie (32 bytes an id of up to 8
     * characters, not 56), read back without hashing or comparing an id again, into a
     * table sized for them however small the index was built: no segment splits.
     */
    @Test
    void aDeferredSnapshotIsTheArenaAsItLiesAndIsReadBackWithoutSplitsIntoAnIndexBuiltSmaller() {
        ClOrdIdIndex index = new ClOrdIdIndex(16);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 100_000; n++) {
            id.set(n % 10 == 0 ? STYLES.get("uuid").apply(n) : "c" + n);
            index.put(n % 7, id, n);
        }
        StateBuffer state = new StateBuffer(1024);
        index.writeDeferred(state).writeTo(state);
        long ids = 90_000L * 4 + 10_000L * 8;
        long gaps = state.length() - Integer.BYTES - 3 * Long.BYTES - ids * Long.BYTES;
        assertTrue(gaps >= 0 && gaps < 8L * 8 * (ids / ClOrdIdArena.CHUNK_LONGS + 1), "4 longs an id of up to 8 characters, "
                + "8 a uuid, and the chunks' unused ends: " + state.length() + " bytes");
        StateBuffer in = new StateBuffer(16).load(state.array(), 0, state.length());
        ClOrdIdIndex restored = new ClOrdIdIndex(16);
        restored.readDeferred(in, ClOrdIdIndex.readCount(in));
        assertTrue(!in.hasRemaining());
        assertEquals(100_000, restored.size());
        assertEquals(0, restored.splits(), "the table was sized for the entries before they went in");
        for (int n = 1; n <= 100_000; n++) {
            id.set(n % 10 == 0 ? STYLES.get("uuid").apply(n) : "c" + n);
            assertEquals(n, restored.find(n % 7, id), "id " + n);
            assertEquals(0, restored.find(n % 7 + 1, id), "another account's id " + n);
        }
        id.set("c100001");
        restored.put(3, id, 100_001);
        assertEquals(100_001, restored.find(3, id), "the restored arena takes new ids after its own");
        StateBuffer again = new StateBuffer(1024);
        ClOrdIdIndex copy = new ClOrdIdIndex(16);
        StateBuffer copyIn = new StateBuffer(16).load(state.array(), 0, state.length());
        copy.readDeferred(copyIn, ClOrdIdIndex.readCount(copyIn));
        copy.writeDeferred(again).writeTo(again);
        assertEquals(java.nio.ByteBuffer.wrap(state.array(), 0, state.length()), java.nio.ByteBuffer.wrap(again.array(), 0, again.length()),
                "a restored index writes the same bytes");
    }

    /** The entries of a raw snapshot carry their hashes: words of a build that hashes otherwise are refused, not misread. */
    @Test
    void shouldRefuseADeferredSnapshotOfABuildThatHashesOtherwise() {
        ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
        ClOrdId id = new ClOrdId();
        id.set("c1");
        index.put(1, id, 1);
        StateBuffer state = new StateBuffer(1024);
        index.writeDeferred(state).writeTo(state);
        byte[] bytes = java.util.Arrays.copyOf(state.array(), state.length());
        bytes[Integer.BYTES + 2 * Long.BYTES] ^= 1; // the hash check after the count, the words and the chunk size
        StateBuffer in = new StateBuffer(16).load(bytes, 0, bytes.length);
        ClOrdIdIndex restored = ClOrdIdIndex.forDays(1_000);
        int entries = ClOrdIdIndex.readCount(in);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> restored.readDeferred(in, entries));
        assertTrue(refused.getMessage().contains("hashed as"), refused.getMessage());
    }

    /** A day's index read back from its deferred snapshot refuses the day's ids again: its filter holds them too. */
    @Test
    void aDaysIndexReadBackFromItsDeferredSnapshotFindsEveryIdOfTheDay() {
        ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 20_000; n++) {
            id.set("ORD" + String.format("%08d", n));
            index.put(n % 5, id, n);
        }
        ClOrdIdIndex restored = readBackDeferred(index);
        for (int n = 1; n <= 20_000; n++) {
            id.set("ORD" + String.format("%08d", n));
            assertEquals(n, restored.find(n % 5, id), "id " + n + " is still today's after a restart");
        }
    }

    /**
     * Each account's greatest id comes back with the snapshot, for accounts far beyond the
     * room the ceilings start with: every id of the day is still found (none answered "new"
     * from a ceiling the restart forgot), the ids above them are new, and the day after,
     * the same ids are new again.
     */
    @Test
    void aDaysIndexReadBackKnowsEachAccountsGreatestIdOfTheDay() {
        ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
        ClOrdId id = new ClOrdId();
        int accounts = 300;
        for (int n = 1; n <= 9_000; n++) {
            id.set("c" + n);
            index.put(n % accounts, id, n);
        }
        ClOrdIdIndex restored = readBackDeferred(index);
        for (int n = 1; n <= 9_000; n++) {
            id.set("c" + n);
            assertEquals(n, restored.find(n % accounts, id), "c" + n + " is still today's after a restart");
        }
        for (int account = 0; account < accounts; account++) {
            id.set("c" + (9_000 + account + 1));
            assertEquals(0, restored.find(account, id), id + " is above account " + account + "'s ids");
        }
        restored.startNewDay();
        for (int n = 8_700; n <= 9_000; n++) {
            id.set("c" + n);
            assertEquals(0, restored.find(n % accounts, id), "c" + n + " is new the next day");
        }
    }

    /**
     * Ids that grow go to their account's run, the others to the table: with each
     * account's ids sent mostly upwards but some late (swapped with one up to 50 places
     * on), across the lengths where {@code c9} and {@code c10} meet, every id used is found
     * with its own orderId under its own account only, and every id between, below and
     * above them is new under every account; the same after a read back, whose runs are
     * rebuilt from the ids in the order they came.
     */
    @Test
    void aDaysIndexFindsIdsThatGrewAndIdsSentLateAndNoIdBetweenThem() {
        SplittableRandom random = new SplittableRandom(17);
        int ids = 30_000;
        int[] numbers = new int[ids];
        for (int i = 0; i < ids; i++) {
            numbers[i] = 2 * (i + 1);
        }
        for (int i = 0; i < ids; i++) {
            if (random.nextInt(10) == 0) {
                int other = Math.min(ids - 1, i + 1 + random.nextInt(50));
                int swapped = numbers[i];
                numbers[i] = numbers[other];
                numbers[other] = swapped;
            }
        }
        ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
        ClOrdId id = new ClOrdId();
        for (int number : numbers) {
            id.set("c" + number);
            assertEquals(0, index.find(accountOf(number), id), "c" + number + " is new");
            index.put(accountOf(number), id, 1_000_000 + number);
        }
        for (ClOrdIdIndex answering : List.of(index, readBackDeferred(index))) {
            for (int number = 0; number <= 2 * ids + 2; number++) {
                id.set("c" + number);
                boolean used = number % 2 == 0 && number >= 2 && number <= 2 * ids;
                for (int account = 0; account < 4; account++) {
                    long expected = used && account == accountOf(number) ? 1_000_000 + number : 0;
                    assertEquals(expected, answering.find(account, id), "c" + number + " of account " + account);
                }
            }
        }
    }

    /** The account of the test's id {@code c<number>}: each of four accounts has every fourth even number. */
    private static int accountOf(int number) {
        return number / 2 % 4;
    }

    /**
     * A day's index read back mid-day goes on as the one it was read from: three accounts
     * send counters upwards (every tenth held back and sent a few dozen puts later, so below
     * its account's ceiling: into the table), two send UUIDs; the runs pass a chunk's 4,096
     * offsets after the read back. Fed the same ids after it, both answer every id as a map
     * of the ids put does (the last group left waiting), and ids never put are new in both.
     */
    @Test
    void aDaysIndexReadBackMidDayGoesOnAsTheOneItWasReadFrom() {
        SplittableRandom random = new SplittableRandom(23);
        Map<String, Long> putIds = new HashMap<>();
        ArrayDeque<Integer> heldBack = new ArrayDeque<>();
        ClOrdIdIndex live = ClOrdIdIndex.forDays(1_000);
        ClOrdId id = new ClOrdId();
        int counter = 0;
        ClOrdIdIndex restored = null;
        for (int n = 1; n <= 30_000 + ClOrdIdIndex.PENDING / 2; n++) {
            if (n == 10_000) {
                restored = readBackDeferred(live);
            }
            int account;
            String text;
            if (random.nextInt(5) == 0) {
                account = 3 + random.nextInt(2);
                text = new UUID(random.nextLong(), random.nextLong()).toString();
            } else if (heldBack.size() > 30 || !heldBack.isEmpty() && random.nextInt(20) == 0) {
                int late = heldBack.poll();
                account = late % 3;
                text = "c" + late;
            } else if (++counter % 10 == 0) {
                heldBack.add(counter);
                continue;
            } else {
                account = counter % 3;
                text = "c" + counter;
            }
            id.set(text);
            putIds.put(account + "/" + text, (long) n);
            live.put(account, id, n);
            if (restored != null) {
                restored.put(account, id, n);
            }
        }
        for (Map.Entry<String, Long> entry : putIds.entrySet()) {
            String[] accountAndId = entry.getKey().split("/", 2);
            int account = Integer.parseInt(accountAndId[0]);
            id.set(accountAndId[1]);
            assertEquals(entry.getValue(), live.find(account, id), entry.getKey());
            assertEquals(entry.getValue(), restored.find(account, id), "read back: " + entry.getKey());
        }
        for (int n = 0; n <= counter + 10; n++) {
            for (int account = 0; account < 5; account++) {
                id.set("c" + n);
                long expected = putIds.getOrDefault(account + "/c" + n, 0L);
                assertEquals(expected, live.find(account, id), "c" + n + " of account " + account);
                assertEquals(expected, restored.find(account, id), "read back: c" + n + " of account " + account);
            }
        }
        assertTrue(counter > 3 * IdRuns.CHUNK, "each counting account's run passed a chunk");
    }

    /**
     * Restored in batches sorted by table slot (more ids than one batch, of every style and
     * random ones), a day's index answers every id as one read back entry by entry in the
     * order they were made, and refuses the same: its table, runs and filter hold every id.
     */
    @Test
    void aDaysIndexPlacedInSortedBatchesAnswersAsOneReadBackEntryByEntry() {
        int ids = ClOrdIdIndex.RESTORE_BATCH + 20_000;
        List<IntFunction<String>> styles = new ArrayList<>(STYLES.values());
        SplittableRandom random = new SplittableRandom(20);
        styles.add(n -> Long.toString(random.nextLong() >>> 1, 36));
        String[] texts = new String[ids + 1];
        ClOrdIdIndex index = ClOrdIdIndex.forDays(1_000);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= ids; n++) {
            texts[n] = styles.get(n % styles.size()).apply(n);
            id.set(texts[n]);
            index.put(n % 5, id, n);
        }
        ClOrdIdIndex sorted = readBackDeferred(index);
        StateBuffer entries = new StateBuffer(1024);
        index.writeTo(entries);
        ClOrdIdIndex oneByOne = ClOrdIdIndex.forDays(1_000);
        oneByOne.readFrom(entries.load(entries.array(), 0, entries.length()));
        assertEquals(ids, sorted.size());
        assertEquals(0, sorted.splits(), "sized for the entries before they went in");
        for (int n = 1; n <= ids; n++) {
            id.set(texts[n]);
            assertEquals(n, sorted.find(n % 5, id), texts[n]);
            assertEquals(oneByOne.find(n % 5 + 1, id), sorted.find(n % 5 + 1, id), "another account's " + texts[n]);
        }
        for (int n = 1; n <= 10_000; n++) {
            id.set("new" + n);
            assertEquals(0, sorted.find(n % 5, id), "an id never used");
        }
        StateBuffer again = new StateBuffer(1024);
        sorted.writeTo(again);
        assertEquals(java.nio.ByteBuffer.wrap(entries.array(), 0, entries.length()), java.nio.ByteBuffer.wrap(again.array(), 0, again.length()),
                "the same entries in the same order as the index they came from");
    }

    /** The index read back from its deferred snapshot into a day's index built for 1,000 ids. */
    private static ClOrdIdIndex readBackDeferred(ClOrdIdIndex index) {
        StateBuffer state = new StateBuffer(1024);
        index.writeDeferred(state).writeTo(state);
        StateBuffer in = new StateBuffer(16).load(state.array(), 0, state.length());
        ClOrdIdIndex restored = ClOrdIdIndex.forDays(1_000);
        restored.readDeferred(in, ClOrdIdIndex.readCount(in));
        return restored;
    }

    @Test
    void shouldRefuseADeferredSnapshotWhoseWordsHoldAnotherNumberOfEntries() {
        ClOrdIdIndex index = new ClOrdIdIndex(16);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 10; n++) {
            id.set("c" + n);
            index.put(0, id, n);
        }
        StateBuffer state = new StateBuffer(1024);
        index.writeDeferred(state).writeTo(state);
        StateBuffer in = new StateBuffer(16).load(state.array(), 0, state.length());
        ClOrdIdIndex.readCount(in);
        assertThrows(IllegalStateException.class, () -> new ClOrdIdIndex(16).readDeferred(in, 11));
    }

    @Test
    void shouldStartCleanWhenTheDayGenerationWrapsAfter65535Days() {
        ClOrdIdIndex index = new ClOrdIdIndex(3_000);
        ClOrdId id = new ClOrdId();
        for (int n = 1; n <= 3_000; n++) {
            id.set("c" + n);
            index.put(0, id, n);
        }
        for (int day = 0; day < 65_535; day++) {
            index.startNewDay();
        }
        id.set("c1");
        assertEquals(0, index.find(0, id), "an id of 65,535 days ago is not today's");
        for (int n = 1; n <= 3_000; n++) {
            id.set("c" + n);
            index.put(0, id, n + 10_000);
        }
        assertEquals(0, index.splits(), "no count survives the wrap to split a segment early");
        id.set("c1");
        assertEquals(10_001, index.find(0, id));
    }
}

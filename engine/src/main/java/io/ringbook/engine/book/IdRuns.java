package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;

import java.util.Arrays;

/**
 * Each account's ids of the day that went above its ceiling ({@link IdCeilings}), as
 * their {@link ClOrdIdArena} offsets in the order they came, which is ascending: for a
 * {@link ClOrdIdIndex}, which keeps these ids out of its hash table. A client that numbers
 * its orders upwards sends nearly only such ids, and an insert into the day's table (tens
 * of megabytes) is a random cache and TLB miss per id, where an append here writes the
 * next four bytes of the account's own run: without those inserts the logic thread took
 * 30-142 ns less per command in the amend-heavy burst (eight alternated pairs, measured
 * in docs/PERFORMANCE.md).
 *
 * <p>Such an id is looked up again only when it is sent again (a duplicate, or a cancel
 * naming an order that is done): a binary search of the account's run, about
 * {@code log2(run)} arena entries read. A run's first chunk starts at {@value #FIRST}
 * offsets and doubles up to {@value #CHUNK} (an account whose ids do not grow, such as
 * UUIDs, keeps a few offsets in it); then chunks of {@value #CHUNK} are added as the run
 * grows into them, so no growth copies more than one chunk. Chunks stay for the next day,
 * and a run of an earlier day reads as empty, so a new day clears nothing. Chunks of
 * {@value #CHUNK} for the day's expected ids are made up front and handed out as runs
 * grow into them (a first chunk grown to {@value #CHUNK} takes one too); made on the logic
 * thread as a fresh engine's first day went, on memory the process had never used, they
 * cost a warmed JVM's first day of 10M growing ids about 80 of its 197 pauses over 100 us
 * (docs/PERFORMANCE.md). Each run rounds up to whole chunks, so with many accounts the
 * last of them may still be made as the day goes.
 */
final class IdRuns {

    private static final int CHUNK_BITS = 12;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK - 1;
    static final int FIRST = 16;

    private Run[] runs = new Run[16];
    /** Chunks made up front for the day's expected ids, handed out as runs grow into them. */
    private int[][] spare;
    private int spares;
    private long day = 1;
    /** Offsets of room in every run's chunks and in the chunks made up front, for the footprint. */
    private long ints;

    /** Runs with room made up front for {@code expectedIds} ids, 4 bytes each. */
    IdRuns(long expectedIds) {
        spares = (int) ((expectedIds + CHUNK - 1) >>> CHUNK_BITS);
        spare = new int[spares][];
        for (int i = 0; i < spares; i++) {
            spare[i] = new int[CHUNK];
        }
        ints = (long) spares * CHUNK;
    }

    /** Appends the offset of the account's id, which is above every id in its run. */
    void add(int accountId, long offset) {
        Run run = run(accountId);
        int size = run.size;
        int chunk = size >>> CHUNK_BITS;
        if (chunk == run.chunks.length) {
            run.chunks = Arrays.copyOf(run.chunks, chunk * 2);
        }
        int[] into = run.chunks[chunk];
        if (into == null) {
            into = chunk == 0 ? made(FIRST) : fullChunk();
            run.chunks[chunk] = into;
        } else if (chunk == 0 && size == into.length) {
            int[] grown = size * 2 == CHUNK ? fullChunk() : made(size * 2);
            System.arraycopy(into, 0, grown, 0, size);
            ints -= size;
            into = grown;
            run.chunks[0] = into;
        }
        into[size & CHUNK_MASK] = (int) offset;
        run.size = size + 1;
    }

    /** A chunk of {@value #CHUNK} offsets: one made up front while any is left. */
    private int[] fullChunk() {
        if (spares > 0) {
            int[] chunk = spare[--spares];
            spare[spares] = null;
            return chunk;
        }
        return made(CHUNK);
    }

    /** A new array of {@code length} offsets, counted in the footprint. */
    private int[] made(int length) {
        ints += length;
        return new int[length];
    }

    /** The arena offset of the account's id if it is in the account's run today, else -1. */
    long find(int accountId, ClOrdId id, ClOrdIdArena arena) {
        Run run = accountId < runs.length ? runs[accountId] : null;
        if (run == null || run.day != day) {
            return -1;
        }
        int low = 0;
        int high = run.size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long offset = run.chunks[middle >>> CHUNK_BITS][middle & CHUNK_MASK] & 0xFFFF_FFFFL;
            int order = arena.compareId(offset, id);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return offset;
            }
        }
        return -1;
    }

    /** A new day: every run is empty (in O(1): a run of an earlier day reads as empty). */
    void startNewDay() {
        day++;
    }

    long footprintBytes() {
        return ints * Integer.BYTES;
    }

    private Run run(int accountId) {
        if (accountId >= runs.length) {
            runs = Arrays.copyOf(runs, Math.max(runs.length * 2, accountId + 1));
        }
        Run run = runs[accountId];
        if (run == null) {
            run = new Run();
            runs[accountId] = run;
        }
        if (run.day != day) {
            run.day = day;
            run.size = 0;
        }
        return run;
    }

    /** One account's run: its day, its length and its chunks. */
    private static final class Run {
        private long day;
        private int size;
        private int[][] chunks = new int[1][];
    }
}

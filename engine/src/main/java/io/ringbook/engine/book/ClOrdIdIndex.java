package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import java.util.Arrays;

/**
 * ClOrdIds of accounts, each with the orderId it went to, for a lookup that allocates
 * nothing and never pauses the logic thread on growth.
 *
 * <p>The ids live once, compactly, in an append-only {@link ClOrdIdArena} (account and
 * length, the id's 64-bit hash, only the words the id uses, the orderId). The hash table
 * holds one long per slot: the day's generation, a 16-bit fingerprint and the entry's
 * arena offset, so a probe that misses reads no id. The hash is a real one (a
 * Murmur3-style round per word and the fmix64 finalizer), so structured ids such as
 * {@code ORD00000001} or {@code 0000000000000042} spread like random ones.
 *
 * <p>The table is extendible hashing over fixed segments of {@value #SEGMENT_SLOTS} slots:
 * the top bits of the hash pick a segment through a directory, the low bits a slot in
 * it. A segment that reaches three quarters full splits in two, rehashing only its own
 * few thousand entries (tens of microseconds), so the index grows past its expected
 * size without a multi-megabyte rehash. Pre-sized from the expected number of ids;
 * {@link #splits()} reports growth beyond that.
 *
 * <p>It only grows: a slot of an earlier generation counts as free, so a new day starts
 * in O(1) instead of clearing the table.
 *
 * <p>The day's index is tens of megabytes, so a probe of it is a cache and TLB miss, and
 * nearly every probe is for an id that is new. Four things keep that miss off the logic
 * thread's path: each account's greatest id of the day ({@link IdCeilings}) answers
 * "certainly new" for an id above it, as nearly every id of a client that numbers its
 * orders upwards is, reading nothing else; such an id, once used, goes into its account's
 * run ({@link IdRuns}, ascending, searched only when an id at or below the ceiling is not
 * in the table) rather than the table, so the table holds only the ids that did not grow
 * (UUIDs, ids sent out of order); an {@link IdFilter} of a few bits per expected
 * id answers the same for most other new ids without reading the table; and an
 * insert goes to the table in groups of {@value #PENDING}: one loop first reads every
 * entry's home slot, with nothing waiting on what it reads, so the group's cache and TLB
 * misses overlap; a second places them, by then in the cache (half the cost of inserting
 * each at once; groups of 512 read first took 10-30 ns less of the logic's CPU per
 * command than groups of 16 placed straight away, measured; 1,024 a few ns less still,
 * but a group's inserts run together on the logic thread, some tens of microseconds, and
 * a command arriving meanwhile waits for them). A group's filter bits go in with it, their
 * words read ahead in the same loop. Until its group goes in, an entry is found among the
 * pending ones (whatever the filter says) through a small hash of their positions, a few
 * kilobytes that stay in the cache. None of this changes what the index answers, only
 * where it looks.
 */
public final class ClOrdIdIndex {

    static final int SEGMENT_SLOTS = 4096;
    private static final int SEGMENT_MASK = SEGMENT_SLOTS - 1;
    private static final int SPLIT_AT = SEGMENT_SLOTS / 4 * 3;
    private static final int MAX_DEPTH = 20;
    private static final int GENERATIONS = 1 << 16;
    private static final long OFFSET_MASK = 0xFFFF_FFFFL;
    private static final long TAG_MASK = ~OFFSET_MASK;
    /** On a pending entry's offset: the entry is in its account's run, so only its filter bits go in with the group. */
    private static final long IN_RUN = 1L << 62;
    static final int PENDING = 512;
    private static final int PENDING_MASK = 2 * PENDING - 1;
    /** Entries placed at once by {@link #readDeferred}: 24 MB of scratch, about 250 a segment at ten million ids (measured: 2^19 and 2^21 a little slower and faster). */
    static final int RESTORE_BATCH = 1 << 20;
    /** This build's hash of a fixed id: a raw snapshot's entries carry their hashes, usable only if it hashes alike. */
    private static final long HASH_CHECK = hashCheck();

    private final ClOrdIdArena arena;
    private final long[] spare = new long[SEGMENT_SLOTS];
    private int[] directory;
    private int globalDepth;
    private long[][] segments;
    private int[] segmentDepth;
    private int[] segmentCount;
    private int[] segmentGeneration;
    private int segmentsInUse;
    private long generation = 1;
    private int size;
    private long splits;
    /** Null for the table alone, without the day's filter and grouped inserts (what a day index is built on, tested by itself). */
    private final IdFilter filter;
    /** Null without the filter: each account's greatest id today. */
    private final IdCeilings ceilings;
    /** Null without the filter: the ids that went above their account's ceiling, which the table does not hold. */
    private final IdRuns runs;
    private final long[] pendingHash;
    private final long[] pendingOffset;
    /** The pending entries by hash: 1 + the entry's position in the group, 0 for a free slot (linear probing, at most half full). */
    private final int[] pendingSlots;
    private int pending;
    /** What the read-ahead loop of {@link #insertPending} read, kept only so that the compiler keeps the reads. */
    private long readAhead;

    /**
     * The table alone (no filter, ceilings or runs: what {@link #forDays} builds on, and
     * what the table's own tests use), sized for {@code expectedIds} entries at once
     * without growing: the table's segments, and arena room for as many ids of up to 16
     * characters, 40 bytes each
     * ({@code ORD%08d} and {@code %016d} fit; UUIDs take it faster; beyond it the arena adds
     * half-megabyte chunks, a millisecond each on memory a fresh engine never used).
     */
    public ClOrdIdIndex(int expectedIds) {
        this(expectedIds, false);
    }

    /**
     * A day's index for {@code expectedIds} ids (the engine's uniqueness index, the read
     * models' clOrdIds of a day): it keeps a filter of
     * the day's ids and inserts in groups (see the class comment), and makes its accounts'
     * runs' room for that many ids up front too.
     */
    public static ClOrdIdIndex forDays(int expectedIds) {
        return new ClOrdIdIndex(expectedIds, true);
    }

    private ClOrdIdIndex(int expectedIds, boolean dayIndex) {
        filter = dayIndex ? new IdFilter(expectedIds) : null;
        ceilings = dayIndex ? new IdCeilings() : null;
        runs = dayIndex ? new IdRuns(expectedIds) : null;
        pendingHash = dayIndex ? new long[PENDING] : null;
        pendingOffset = dayIndex ? new long[PENDING] : null;
        pendingSlots = dayIndex ? new int[2 * PENDING] : null;
        arena = new ClOrdIdArena(5L * expectedIds);
        buildTable(depthFor(expectedIds));
    }

    private static int depthFor(long ids) {
        int depth = 0;
        while (depth < MAX_DEPTH && (long) SPLIT_AT << depth < ids) {
            depth++;
        }
        return depth;
    }

    private void buildTable(int depth) {
        globalDepth = depth;
        segmentsInUse = 0;
        directory = new int[1 << depth];
        segments = new long[1 << depth][];
        segmentDepth = new int[1 << depth];
        segmentCount = new int[1 << depth];
        segmentGeneration = new int[1 << depth];
        for (int i = 0; i < directory.length; i++) {
            directory[i] = newSegment(depth);
        }
    }

    /** The orderId the account's clOrdId went to (today, for a day index), or 0. */
    public long find(int accountId, ClOrdId id) {
        if (ceilings != null && ceilings.above(accountId, id)) {
            return 0;
        }
        long head = ClOrdIdArena.head(accountId, id);
        long hash = hash(head, id);
        if (filter == null) {
            return findInTable(head, hash, id);
        }
        if (!filter.mayHold(hash)) {
            return findPending(head, hash, id);
        }
        long found = findInTable(head, hash, id);
        if (found == 0) {
            found = findPending(head, hash, id);
        }
        if (found == 0) {
            long inRun = runs.find(accountId, id, arena);
            found = inRun < 0 ? 0 : arena.orderId(inRun);
        }
        return found;
    }

    private long findInTable(long head, long hash, ClOrdId id) {
        long[] slots = segments[directory[directoryIndex(hash)]];
        long tag = tag(hash);
        for (int slot = (int) hash & SEGMENT_MASK; ; slot = (slot + 1) & SEGMENT_MASK) {
            long value = slots[slot];
            if (value >>> 48 != generation) {
                return 0;
            }
            if ((value & TAG_MASK) == tag && arena.matches(value & OFFSET_MASK, head, hash, id)) {
                return arena.orderId(value & OFFSET_MASK);
            }
        }
    }

    private long findPending(long head, long hash, ClOrdId id) {
        for (int slot = (int) hash & PENDING_MASK; pendingSlots[slot] != 0; slot = (slot + 1) & PENDING_MASK) {
            int i = pendingSlots[slot] - 1;
            long offset = pendingOffset[i] & OFFSET_MASK;
            if (pendingHash[i] == hash && arena.matches(offset, head, hash, id)) {
                return arena.orderId(offset);
            }
        }
        return 0;
    }

    /** Records that the account's clOrdId went to {@code orderId}; the caller has checked it is new. */
    public void put(int accountId, ClOrdId id, long orderId) {
        long head = ClOrdIdArena.head(accountId, id);
        long hash = hash(head, id);
        long offset = arena.append(head, hash, id, orderId);
        size++;
        if (filter == null) {
            insert(hash, offset);
            return;
        }
        boolean raised = ceilings.raise(accountId, id);
        if (raised) {
            runs.add(accountId, offset);
        }
        pendingHash[pending] = hash;
        pendingOffset[pending] = raised ? offset | IN_RUN : offset;
        int slot = (int) hash & PENDING_MASK;
        while (pendingSlots[slot] != 0) {
            slot = (slot + 1) & PENDING_MASK;
        }
        pendingSlots[slot] = ++pending;
        if (pending == PENDING) {
            insertPending();
        }
    }

    /**
     * Inserts the group into the filter and, but for the entries in their account's run,
     * the table: first a loop that only reads each entry's filter word and home slot (no
     * branch waits on a read, so the processor overlaps the group's misses), then the
     * inserts, whose probes and branches then find their lines in the cache.
     */
    private void insertPending() {
        long read = 0;
        for (int i = 0; i < pending; i++) {
            long hash = pendingHash[i];
            read += filter.word(hash);
            if ((pendingOffset[i] & IN_RUN) == 0) {
                read += segments[directory[directoryIndex(hash)]][(int) hash & SEGMENT_MASK];
            }
        }
        readAhead = read;
        for (int i = 0; i < pending; i++) {
            if ((pendingOffset[i] & IN_RUN) == 0) {
                insert(pendingHash[i], pendingOffset[i]);
            }
            filter.add(pendingHash[i]);
        }
        clearPending();
    }

    private void clearPending() {
        if (pending > 0) {
            Arrays.fill(pendingSlots, 0);
            pending = 0;
        }
    }

    private void insert(long hash, long offset) {
        int segment = directory[directoryIndex(hash)];
        if (count(segment) >= SPLIT_AT && segmentDepth[segment] < MAX_DEPTH) {
            split(segment);
            segment = directory[directoryIndex(hash)];
        }
        place(segment, hash, offset);
    }

    /** Starts a new trading day: every id used so far is forgotten, in O(1) (a full clear once in 65,535 days). */
    public void startNewDay() {
        generation++;
        if (generation == GENERATIONS) {
            generation = 1;
            for (int s = 0; s < segmentsInUse; s++) {
                Arrays.fill(segments[s], 0L);
                segmentCount[s] = 0;
            }
        }
        arena.clear();
        size = 0;
        if (filter != null) {
            clearPending();
            filter.startNewDay();
            ceilings.startNewDay();
            runs.startNewDay();
        }
    }

    public int size() {
        return size;
    }

    /** Segment splits so far: growth beyond the expected size this index was built for. */
    public long splits() {
        return splits;
    }

    /** Bytes held by the table, the arena and, for a day index, its filter, ceilings and runs. */
    public long footprintBytes() {
        return (long) segmentsInUse * SEGMENT_SLOTS * Long.BYTES + arena.footprintBytes()
                + (filter == null ? 0 : filter.footprintBytes() + ceilings.footprintBytes() + runs.footprintBytes());
    }

    /** Writes the entries in the order they were made, walking the arena. */
    public void writeTo(StateBuffer out) {
        out.putInt(size);
        arena.writeEntries(out);
    }

    /**
     * Writes the number of entries now and returns the writer of the entries themselves,
     * for another thread: the logic's part is a copy of the arena's chunk references, not
     * a walk of the day's ids, and the writer writes the arena's words as they are (about
     * 32 bytes an id of up to 8 characters); {@link #readCount} and {@link #readDeferred}
     * read it back.
     */
    public DeferredState writeDeferred(StateBuffer out) {
        out.putInt(size);
        return arena.prefix(HASH_CHECK);
    }

    /**
     * Reads what {@link #writeDeferred}'s writer wrote ({@code entries} being the count it
     * wrote) into this empty index: the arena's words as they were, then each entry placed
     * by the hash the arena holds (no id hashed again) in the table or, for a day index, in
     * its account's run if it goes above the account's ceiling as the entries are read in
     * the order they were made (so each goes where it went live); the table is first sized
     * for {@code entries} if it was built for fewer (no segment splits).
     * The entries go in {@value #RESTORE_BATCH} at a time, each batch sorted by where its
     * entries go ({@link PlacementOrder}), so that placing ten million walks the table and
     * the filter in order instead of missing the cache and the TLB ten million times; a
     * table answers the same whatever order its entries went in.
     *
     * @throws IllegalStateException if the index is not empty or the words hold another number of entries
     */
    public void readDeferred(StateBuffer in, int entries) {
        if (size != 0) {
            throw new IllegalStateException("a clOrdId index is read back only when empty");
        }
        if (entries == 0) {
            return; // an empty arena writes nothing
        }
        if (depthFor(entries) > globalDepth) {
            buildTable(depthFor(entries));
        }
        long top = arena.readRaw(in, HASH_CHECK);
        PlacementOrder batch = new PlacementOrder(Math.min(entries, RESTORE_BATCH), globalDepth);
        ClOrdId id = new ClOrdId();
        for (long offset = arena.entryAt(0); offset < top; ) {
            batch.clear();
            for (; offset < top && !batch.full(); offset = arena.entryAt(arena.after(offset))) {
                batch.add(arena.hash(offset), goesToRun(offset, id) ? PlacementOrder.FILTER_ONLY : offset);
            }
            batch.sort();
            for (int i = 0; i < batch.size(); i++) {
                long hash = batch.hash(i);
                if (batch.offset(i) != PlacementOrder.FILTER_ONLY) {
                    insert(hash, batch.offset(i));
                }
                if (filter != null) {
                    filter.add(hash);
                }
            }
            size += batch.size();
        }
        if (size != entries) {
            throw new IllegalStateException("clOrdId snapshot of " + entries + " entries holds " + size);
        }
    }

    /** For a day index: whether the read-back entry goes above its account's ceiling, which it then raises, and into its run. */
    private boolean goesToRun(long offset, ClOrdId scratch) {
        if (ceilings == null) {
            return false;
        }
        int account = arena.readId(offset, scratch);
        if (!ceilings.raise(account, scratch)) {
            return false;
        }
        runs.add(account, offset);
        return true;
    }

    /** Reads what {@link #writeTo} wrote into an empty index. */
    public void readFrom(StateBuffer in) {
        readEntries(in, in.getInt());
    }

    /** Reads the count {@link #writeDeferred} wrote. */
    public static int readCount(StateBuffer in) {
        return in.getInt();
    }

    /** Reads {@code entries} entries, as {@link #writeTo} (or a deferred writer before snapshot layout 6) wrote them, into an empty index. */
    public void readEntries(StateBuffer in, int entries) {
        ClOrdId id = new ClOrdId();
        for (int i = 0; i < entries; i++) {
            long head = in.getLong();
            id.setWords(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), (int) (head & 0xFF));
            put((int) (head >>> 8), id, in.getLong());
        }
    }

    private void place(int segment, long hash, long offset) {
        long[] slots = segments[segment];
        int slot = (int) hash & SEGMENT_MASK;
        while (slots[slot] >>> 48 == generation) {
            slot = (slot + 1) & SEGMENT_MASK;
        }
        slots[slot] = tag(hash) | offset;
        segmentCount[segment] = count(segment) + 1;
        segmentGeneration[segment] = (int) generation;
    }

    /** Splits a full segment in two by the next hash bit, doubling the directory first if the segment uses all its bits. */
    private void split(int segment) {
        int depth = segmentDepth[segment];
        if (depth == globalDepth) {
            doubleDirectory();
        }
        int sibling = newSegment(depth + 1);
        segmentDepth[segment] = depth + 1;
        int shift = globalDepth - depth - 1;
        for (int i = 0; i < directory.length; i++) {
            if (directory[i] == segment && ((i >>> shift) & 1) == 1) {
                directory[i] = sibling;
            }
        }
        long[] slots = segments[segment];
        System.arraycopy(slots, 0, spare, 0, SEGMENT_SLOTS);
        Arrays.fill(slots, 0L);
        segmentCount[segment] = 0;
        for (long value : spare) {
            if (value >>> 48 == generation) {
                long hash = arena.hash(value & OFFSET_MASK);
                place(directory[directoryIndex(hash)], hash, value & OFFSET_MASK);
            }
        }
        splits++;
    }

    private void doubleDirectory() {
        int[] doubled = new int[directory.length * 2];
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] = directory[i >> 1];
        }
        directory = doubled;
        globalDepth++;
    }

    private int newSegment(int depth) {
        if (segmentsInUse == segments.length) {
            int grown = segments.length * 2;
            segments = Arrays.copyOf(segments, grown);
            segmentDepth = Arrays.copyOf(segmentDepth, grown);
            segmentCount = Arrays.copyOf(segmentCount, grown);
            segmentGeneration = Arrays.copyOf(segmentGeneration, grown);
        }
        int segment = segmentsInUse++;
        segments[segment] = new long[SEGMENT_SLOTS];
        segmentDepth[segment] = depth;
        segmentGeneration[segment] = (int) generation;
        return segment;
    }

    /** Today's entries in the segment (a count of an earlier day reads as 0). */
    private int count(int segment) {
        return segmentGeneration[segment] == generation ? segmentCount[segment] : 0;
    }

    private int directoryIndex(long hash) {
        return globalDepth == 0 ? 0 : (int) (hash >>> (64 - globalDepth));
    }

    private long tag(long hash) {
        return generation << 48 | ((hash >>> 16) & 0xFFFF) << 32;
    }

    private static long hashCheck() {
        ClOrdId probe = new ClOrdId();
        probe.set("ORD00000001");
        return hash(ClOrdIdArena.head(1, probe), probe);
    }

    /**
     * The id's own mix of its characters ({@link ClOrdId#wordsHash}, computed once per id
     * and shared by every index it is looked up in), with the account and length word
     * folded in, then the fmix64 finalizer: every input bit reaches every output bit.
     */
    static long hash(long head, ClOrdId id) {
        long h = id.wordsHash() ^ head * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}

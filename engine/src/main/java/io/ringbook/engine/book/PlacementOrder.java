package io.ringbook.engine.book;

import java.util.Arrays;

/**
 * A batch of a restored {@link ClOrdIdIndex}'s entries (hash and arena offset), sorted by
 * where they go in its table: the directory slot (the hash's top bits), then the home slot
 * in the segment (its low bits). Placed in the arena's order, each of millions of entries
 * lands in a random place of a table of a hundred megabytes or more: a cache and TLB miss
 * each. Placed in this order, a batch walks the table (and the filter, also indexed by the
 * top bits) from its start to its end, a page after the next. Two counting-sort passes of
 * the batch, whose scratch arrays (12 bytes an entry, twice) are reused batch after batch.
 */
final class PlacementOrder {

    /**
     * The offset of an entry whose hash goes only into the filter (its id is in its
     * account's {@link IdRuns}): the last long of an arena chunk, where no entry starts
     * (an entry takes three longs or more and never spans two chunks).
     */
    static final long FILTER_ONLY = 0xFFFF_FFFFL;

    private final int depth;
    private final int[] counts;
    private long[] hashes;
    private int[] offsets;
    private long[] sortedHashes;
    private int[] sortedOffsets;
    private int size;

    /** Room for {@code capacity} entries, for a table whose directory uses {@code depth} bits of the hash. */
    PlacementOrder(int capacity, int depth) {
        this.depth = depth;
        this.counts = new int[Math.max(ClOrdIdIndex.SEGMENT_SLOTS, 1 << depth) + 1];
        this.hashes = new long[capacity];
        this.offsets = new int[capacity];
        this.sortedHashes = new long[capacity];
        this.sortedOffsets = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    boolean full() {
        return size == hashes.length;
    }

    /** Adds an entry; its offset is below 2^32, as every offset the table holds, or {@link #FILTER_ONLY}. */
    void add(long hash, long offset) {
        hashes[size] = hash;
        offsets[size] = (int) offset;
        size++;
    }

    int size() {
        return size;
    }

    /** Sorts the batch by directory slot, then home slot (least significant digit first, each pass stable). */
    void sort() {
        pass(0, ClOrdIdIndex.SEGMENT_SLOTS - 1);
        if (depth > 0) {
            pass(64 - depth, (1 << depth) - 1);
        }
    }

    long hash(int i) {
        return hashes[i];
    }

    long offset(int i) {
        return offsets[i] & 0xFFFF_FFFFL;
    }

    /** One stable counting sort by the digit {@code (hash >>> shift) & mask}, into the other arrays, which then become the batch. */
    private void pass(int shift, int mask) {
        Arrays.fill(counts, 0, mask + 2, 0);
        for (int i = 0; i < size; i++) {
            counts[((int) (hashes[i] >>> shift) & mask) + 1]++;
        }
        for (int digit = 0; digit < mask; digit++) {
            counts[digit + 1] += counts[digit];
        }
        for (int i = 0; i < size; i++) {
            int at = counts[(int) (hashes[i] >>> shift) & mask]++;
            sortedHashes[at] = hashes[i];
            sortedOffsets[at] = offsets[i];
        }
        long[] hashesBefore = hashes;
        hashes = sortedHashes;
        sortedHashes = hashesBefore;
        int[] offsetsBefore = offsets;
        offsets = sortedOffsets;
        sortedOffsets = offsetsBefore;
    }
}

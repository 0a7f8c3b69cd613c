package io.ringbook.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The newest egress frames a node produced, by number, for resends to gateways that
 * missed them: each frame's record and origin ({@link EgressFrame}). Bounded: {@code capacity} frames in fixed slots allocated once; the rare
 * frame longer than a slot (a SET_LIMITS command with many symbols) is kept in an array
 * of its own. Every node keeps the same frames (it decides the same log), so any leader
 * can answer; a node started from a snapshot holds only the frames produced since.
 */
final class EgressHistory {

    static final int SLOT = 256;

    private final int mask;
    private final UnsafeBuffer slots;
    private final int[] lengths;
    private final long[] origins;
    private final byte[][] oversized;
    private long first = 1;
    private long newest;

    /** @param capacity a power of two */
    EgressHistory(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("the egress history's capacity must be a power of two, not " + capacity);
        }
        this.mask = capacity - 1;
        this.slots = new UnsafeBuffer(new byte[capacity * SLOT]);
        this.lengths = new int[capacity];
        this.origins = new long[capacity];
        this.oversized = new byte[capacity][];
    }

    /** Starts numbering after {@code number} (a node restored from a snapshot has no earlier frames). */
    void startAfter(long number) {
        first = number + 1;
        newest = number;
    }

    /** Keeps the frame numbered {@code newest() + 1}, its record and origin, dropping the oldest if full. */
    void add(long origin, DirectBuffer frame, int offset, int length) {
        int slot = (int) (++newest & mask);
        lengths[slot] = length;
        origins[slot] = origin;
        if (length <= SLOT) {
            slots.putBytes(slot * SLOT, frame, offset, length);
            oversized[slot] = null;
        } else {
            byte[] copy = new byte[length];
            frame.getBytes(offset, copy);
            oversized[slot] = copy;
        }
    }

    /** The number of the oldest frame still kept (above {@link #newest()} when none is). */
    long oldest() {
        return Math.max(first, newest - mask);
    }

    long newest() {
        return newest;
    }

    /** The origin of the frame numbered {@code number} (between {@link #oldest()} and {@link #newest()}). */
    long origin(long number) {
        return origins[(int) (number & mask)];
    }

    /** The length of the record of the frame numbered {@code number} (between {@link #oldest()} and {@link #newest()}). */
    int length(long number) {
        return lengths[(int) (number & mask)];
    }

    /** Copies the record of the frame numbered {@code number} (between {@link #oldest()} and {@link #newest()}) to {@code at}; returns its length. */
    int copy(long number, MutableDirectBuffer into, int at) {
        int slot = (int) (number & mask);
        int length = lengths[slot];
        if (oversized[slot] != null) {
            into.putBytes(at, oversized[slot]);
        } else {
            into.putBytes(at, slots, slot * SLOT, length);
        }
        return length;
    }
}

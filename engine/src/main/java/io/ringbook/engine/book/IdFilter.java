package io.ringbook.engine.book;

import java.util.Arrays;

/**
 * A filter of the hashes of a day's ids (two bits of one 64-bit word per hash), for a
 * {@link ClOrdIdIndex}: a clear bit means the id was certainly not used today, or is
 * still waiting in the index's group (whose bits go in with it), so the index need not
 * read its table (tens of megabytes, a cache and TLB miss) for the common
 * case of a new id. Set bits may be other ids', so the index then looks. About
 * {@value #BITS_PER_ID} bits per expected id keep that to about one new id in six at the
 * end of a full day (one in sixteen over the day) while the filter stays half a megabyte
 * for a million ids a day. Smaller is faster here: the filter's line is read for nearly
 * every command with an id, and the fewer lines it has, the more of them the cache
 * keeps; 8 bits per id (one in fifty over the day) cost the logic 20-50 ns more per
 * command than the table reads the extra false answers add (measured, PipelineWork).
 *
 * <p>A new day clears nothing up front: the bits are in blocks of {@value #BLOCK_WORDS}
 * words, each stamped with the day it was last written, and a block of an earlier day
 * reads as empty and is cleared when first written. So a day's start costs O(1) and no
 * clear of megabytes ever pauses the logic thread.
 */
final class IdFilter {

    static final int BITS_PER_ID = 4;
    private static final int BLOCK_BITS = 9;
    static final int BLOCK_WORDS = 1 << BLOCK_BITS;
    private static final int MIN_WORD_BITS = BLOCK_BITS;
    private static final int MAX_WORD_BITS = 20;

    private final long[] words;
    private final int[] blockDay;
    private final int shift;
    private int day = 1;

    /** A filter for {@code expectedIds} a day: the next power of two of {@value #BITS_PER_ID} bits per id, from 4 KiB to 8 MiB. */
    IdFilter(int expectedIds) {
        int wordBits = MIN_WORD_BITS;
        while (wordBits < MAX_WORD_BITS && (64L << wordBits) < (long) expectedIds * BITS_PER_ID) {
            wordBits++;
        }
        words = new long[1 << wordBits];
        blockDay = new int[words.length >>> BLOCK_BITS];
        shift = 64 - wordBits;
    }

    /** False if no id with this hash was added today. */
    boolean mayHold(long hash) {
        int word = (int) (hash >>> shift);
        long bits = bits(hash);
        return blockDay[word >>> BLOCK_BITS] == day && (words[word] & bits) == bits;
    }

    /** The word a hash's bits go in, as it is: for reading a group's words ahead of their adds. */
    long word(long hash) {
        return words[(int) (hash >>> shift)];
    }

    void add(long hash) {
        int word = (int) (hash >>> shift);
        int block = word >>> BLOCK_BITS;
        if (blockDay[block] != day) {
            Arrays.fill(words, block << BLOCK_BITS, (block + 1) << BLOCK_BITS, 0L);
            blockDay[block] = day;
        }
        words[word] |= bits(hash);
    }

    /** Two bits of one word per hash (a blocked Bloom filter): one cache line read, a third of one bit's false positives. */
    private static long bits(long hash) {
        return 1L << hash | 1L << (hash >>> 6);
    }

    /** Forgets every hash, in O(1): a block of an earlier day reads as empty. */
    void startNewDay() {
        day++;
    }

    long footprintBytes() {
        return (long) words.length * Long.BYTES + (long) blockDay.length * Integer.BYTES;
    }
}

package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import java.util.Arrays;

/**
 * The entries of a {@link ClOrdIdIndex}, appended one after another into chunks of
 * {@value #CHUNK_LONGS} longs: {@code [account << 8 | length][hash][the id's used words][orderId]},
 * three to eight longs. A short id such as {@code c1234} costs 32 bytes. Chunks are
 * allocated as the day fills them (half a megabyte each, never copied) and kept for the
 * next day; an entry never spans two chunks. A chunk is a humongous object for G1 with 1 MB
 * regions (a 2 GiB heap), so each takes a whole region, twice its size; chunks of a quarter
 * megabyte avoid that but made the whole pipeline's burst a third slower (the logic
 * thread's CPU per command 650 -> 1,050 ns, cause not found), so the day's ids cost
 * about 64 bytes of heap each, not 32. Entries are never freed one by one: a new day
 * clears them all. Once the day fills the chunks made at start, each next chunk is made
 * ahead on another thread ({@link SpareChunk}).
 *
 * <p>A {@link Prefix} lets another thread walk the entries made so far while the owner
 * goes on appending: appends only write past it, and a new day that would overwrite it
 * while it is still being walked starts on fresh chunks instead.
 */
final class ClOrdIdArena {

    private static final int CHUNK_BITS = 16;
    static final int CHUNK_LONGS = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_LONGS - 1;
    private static final long GAP = -1L;

    private final SpareChunk spare = new SpareChunk(CHUNK_LONGS);
    private long[][] chunks;
    private int chunksAllocated;
    private long top;
    /** The last prefix handed out, until the owner sees it walked. */
    private Prefix handedOut;

    /** An arena with room for {@code expectedLongs} allocated up front, so a day that stays within it allocates nothing. */
    ClOrdIdArena(long expectedLongs) {
        int chunkCount = (int) Math.max(1, (expectedLongs + CHUNK_LONGS - 1) >>> CHUNK_BITS);
        chunks = new long[chunkCount][];
        for (int i = 0; i < chunkCount; i++) {
            chunks[i] = new long[CHUNK_LONGS];
        }
        chunksAllocated = chunkCount;
    }

    static long head(int accountId, ClOrdId id) {
        return ((long) accountId << 8) | id.length();
    }

    /** Stores an entry and returns its offset. */
    long append(long head, long hash, ClOrdId id, long orderId) {
        int words = (id.length() + 7) >>> 3;
        int size = words + 3;
        long offset = claim(size);
        long[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = (int) offset & CHUNK_MASK;
        chunk[at] = head;
        chunk[at + 1] = hash;
        for (int i = 0; i < words; i++) {
            chunk[at + 2 + i] = id.word(i);
        }
        chunk[at + 2 + words] = orderId;
        return offset;
    }

    boolean matches(long offset, long head, long hash, ClOrdId id) {
        long[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = (int) offset & CHUNK_MASK;
        if (chunk[at] != head || chunk[at + 1] != hash) {
            return false;
        }
        int words = words(head);
        for (int i = 0; i < words; i++) {
            if (chunk[at + 2 + i] != id.word(i)) {
                return false;
            }
        }
        return true;
    }

    /** The entry's id against {@code id} in {@link ShortlexOrder}: negative, zero or positive as the entry's is less, equal or greater. */
    int compareId(long offset, ClOrdId id) {
        long[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = (int) offset & CHUNK_MASK;
        return ShortlexOrder.compare((int) (chunk[at] & 0xFF), chunk, at + 2, id);
    }

    /** Sets {@code into} to the entry's id; returns the entry's account. */
    int readId(long offset, ClOrdId into) {
        long[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = (int) offset & CHUNK_MASK;
        long head = chunk[at];
        int words = words(head);
        into.setWords(chunk[at + 2], words > 1 ? chunk[at + 3] : 0, words > 2 ? chunk[at + 4] : 0,
                words > 3 ? chunk[at + 5] : 0, words > 4 ? chunk[at + 6] : 0, (int) (head & 0xFF));
        return (int) (head >>> 8);
    }

    long hash(long offset) {
        return get(offset + 1);
    }

    long orderId(long offset) {
        return get(offset + 2 + words(get(offset)));
    }

    /**
     * Forgets every entry; the chunks stay for reuse, unless a prefix handed out is still
     * being walked: then the day starts on new chunks, allocated as it fills them.
     */
    void clear() {
        if (handedOut != null && !handedOut.walked) {
            chunks = new long[chunks.length][];
            chunksAllocated = 0;
        }
        handedOut = null;
        top = 0;
    }

    long footprintBytes() {
        return (long) chunksAllocated * CHUNK_LONGS * Long.BYTES;
    }

    /** Writes each entry as the account-and-length word, the five id words and the orderId, in the order they were made. */
    void writeEntries(StateBuffer out) {
        writeEntries(chunks, top, out);
    }

    /**
     * The entries made so far, to be walked by another thread while this one appends.
     * Costs a copy of the chunk references, not of the entries.
     */
    Prefix prefix(long hashCheck) {
        int used = (int) ((top + CHUNK_MASK) >>> CHUNK_BITS);
        handedOut = new Prefix(Arrays.copyOf(chunks, used), top, hashCheck);
        return handedOut;
    }

    /**
     * Entries below {@code top} of an arena's chunks, written once by another thread (see
     * {@link #prefix}) as the arena's own words: {@code top}, the chunk size in longs, then
     * the longs below {@code top}, chunk after chunk; nothing at all for an empty arena
     * (the entries' count, written before, says so), as a state without ids always was ({@link #readRaw} takes them back as they are, without re-inserting
     * an entry).
     */
    static final class Prefix implements DeferredState {
        private final long[][] chunks;
        private final long top;
        private final long hashCheck;
        private volatile boolean walked;

        private Prefix(long[][] chunks, long top, long hashCheck) {
            this.chunks = chunks;
            this.top = top;
            this.hashCheck = hashCheck;
        }

        @Override
        public void writeTo(StateBuffer out) {
            if (top == 0) {
                walked = true;
                return;
            }
            out.putLong(top);
            out.putLong(CHUNK_LONGS);
            out.putLong(hashCheck);
            for (long from = 0; from < top; from += CHUNK_LONGS) {
                out.putLongs(chunks[(int) (from >>> CHUNK_BITS)], 0, (int) Math.min(CHUNK_LONGS, top - from));
            }
            walked = true;
        }
    }

    /**
     * Reads what a {@link Prefix} wrote into this empty arena (its chunks reused, more
     * allocated as needed) and returns its top: the entries lie at the offsets they had.
     * The entries carry their hashes, so the words are of use only to a build that lays
     * chunks out alike and hashes alike ({@code hashCheck}, the index's hash of a fixed id).
     *
     * @throws IllegalStateException if the words were written by a build that differs in either
     */
    long readRaw(StateBuffer in, long hashCheck) {
        long words = in.getLong();
        long chunkLongs = in.getLong();
        long writtenCheck = in.getLong();
        if (words < 0 || words > (long) Integer.MAX_VALUE * CHUNK_LONGS || chunkLongs != CHUNK_LONGS || writtenCheck != hashCheck) {
            throw new IllegalStateException("clOrdId arena of " + words + " words in chunks of " + chunkLongs
                    + " hashed as " + Long.toHexString(writtenCheck) + " (this build: chunks of " + CHUNK_LONGS
                    + ", hashed as " + Long.toHexString(hashCheck) + ")");
        }
        int used = (int) ((words + CHUNK_MASK) >>> CHUNK_BITS);
        if (used > chunks.length) {
            chunks = Arrays.copyOf(chunks, used);
        }
        for (int c = 0; c < used; c++) {
            if (chunks[c] == null) {
                chunks[c] = new long[CHUNK_LONGS];
                chunksAllocated++;
            }
            in.getLongs(chunks[c], 0, (int) Math.min(CHUNK_LONGS, words - ((long) c << CHUNK_BITS)));
        }
        top = words;
        if (used > 0) {
            requestSpareAfter(used - 1);
        }
        return words;
    }

    /**
     * The offset of the first entry at or after {@code offset} (skipping a chunk's unused
     * end), or {@code top} if there is none; for walking the entries after {@link #readRaw}.
     */
    long entryAt(long offset) {
        if (offset < top && get(offset) == GAP) {
            return Math.min(top, (offset | CHUNK_MASK) + 1);
        }
        return offset;
    }

    /** The offset after the entry at {@code offset}. */
    long after(long offset) {
        return offset + words(get(offset)) + 3;
    }

    private static void writeEntries(long[][] chunks, long top, StateBuffer out) {
        long offset = 0;
        while (offset < top) {
            long[] chunk = chunks[(int) (offset >>> CHUNK_BITS)];
            int at = (int) offset & CHUNK_MASK;
            long head = chunk[at];
            if (head == GAP) {
                offset = (offset | CHUNK_MASK) + 1;
                continue;
            }
            int words = words(head);
            out.putLong(head);
            for (int i = 0; i < 5; i++) {
                out.putLong(i < words ? chunk[at + 2 + i] : 0L);
            }
            out.putLong(chunk[at + 2 + words]);
            offset += words + 3;
        }
    }

    private long claim(int size) {
        int room = CHUNK_LONGS - ((int) top & CHUNK_MASK);
        if (room < size) {
            set(top, GAP);
            top += room;
        }
        int chunk = (int) (top >>> CHUNK_BITS);
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = spare.take();
            chunksAllocated++;
        }
        if ((top & CHUNK_MASK) == 0) {
            requestSpareAfter(chunk);
        }
        long offset = top;
        top += size;
        return offset;
    }

    /** When {@code chunk} is the last one made, asks for the next to be made ahead, off this thread. */
    private void requestSpareAfter(int chunk) {
        if (chunk + 1 == chunks.length || chunks[chunk + 1] == null) {
            spare.request();
        }
    }

    /** Chunks this arena took made ahead ({@link SpareChunk}). */
    long chunksMadeAhead() {
        return spare.takenMadeAhead();
    }

    /** Whether its next chunk is made and waiting. */
    boolean spareReady() {
        return spare.isReady();
    }

    private long get(long offset) {
        return chunks[(int) (offset >>> CHUNK_BITS)][(int) offset & CHUNK_MASK];
    }

    private void set(long offset, long value) {
        chunks[(int) (offset >>> CHUNK_BITS)][(int) offset & CHUNK_MASK] = value;
    }

    private static int words(long head) {
        return ((int) (head & 0xFF) + 7) >>> 3;
    }
}

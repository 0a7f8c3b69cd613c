package io.ringbook.engine.book;

import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The entries of a {@link ClOrdIdIndex}, appended one after another into chunks of
 * {@value #CHUNK_LONGS} longs: {@code [account << 8 | length][hash][the id's used words][orderId]},
 * three to eight longs. A short id such as {@code c1234} costs 32 bytes. Chunks are
 * allocated as the day fills them (half a megabyte each, never copied) and kept for the
 * next day; an entry never spans two chunks. Entries are never freed one by one: a new day
 * clears them all.
 *
 * <p>The chunks are off the heap (direct memory, zeroed, so mapped, when made). On the
 * heap, under ZGC, a chunk's pages zeroed at start faulted again when the logic first
 * wrote them (JDK 17's ZGC reaches the heap through more than one mapping): one fault per
 * 4 KB of new ids, about 4,600 a second in the amend-heavy burst. Off the heap the logic
 * thread took 95% fewer faults, and the burst without journals ran 5-30% faster
 * (docs/PERFORMANCE.md). On the heap, G1 held each chunk as a humongous object in a whole
 * region; off it, a chunk costs its half megabyte and no more. Out of direct memory, the
 * process ends ({@link DirectMemory}).
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

    private UnsafeBuffer[] chunks;
    private int chunksAllocated;
    private long top;
    /** The last prefix handed out, until the owner sees it walked. */
    private Prefix handedOut;

    /** An arena with room for {@code expectedLongs} allocated up front, so a day that stays within it allocates nothing. */
    ClOrdIdArena(long expectedLongs) {
        int chunkCount = (int) Math.max(1, (expectedLongs + CHUNK_LONGS - 1) >>> CHUNK_BITS);
        chunks = new UnsafeBuffer[chunkCount];
        for (int i = 0; i < chunkCount; i++) {
            chunks[i] = newChunk();
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
        UnsafeBuffer chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = byteAt(offset);
        chunk.putLong(at, head);
        chunk.putLong(at + 8, hash);
        for (int i = 0; i < words; i++) {
            chunk.putLong(at + 16 + (i << 3), id.word(i));
        }
        chunk.putLong(at + 16 + (words << 3), orderId);
        return offset;
    }

    boolean matches(long offset, long head, long hash, ClOrdId id) {
        UnsafeBuffer chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = byteAt(offset);
        if (chunk.getLong(at) != head || chunk.getLong(at + 8) != hash) {
            return false;
        }
        int words = words(head);
        for (int i = 0; i < words; i++) {
            if (chunk.getLong(at + 16 + (i << 3)) != id.word(i)) {
                return false;
            }
        }
        return true;
    }

    /** The entry's id against {@code id} in {@link ShortlexOrder}: negative, zero or positive as the entry's is less, equal or greater. */
    int compareId(long offset, ClOrdId id) {
        UnsafeBuffer chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = byteAt(offset);
        return ShortlexOrder.compare((int) (chunk.getLong(at) & 0xFF), chunk, at + 16, id);
    }

    /** Sets {@code into} to the entry's id; returns the entry's account. */
    int readId(long offset, ClOrdId into) {
        UnsafeBuffer chunk = chunks[(int) (offset >>> CHUNK_BITS)];
        int at = byteAt(offset);
        long head = chunk.getLong(at);
        int words = words(head);
        into.setWords(chunk.getLong(at + 16), words > 1 ? chunk.getLong(at + 24) : 0, words > 2 ? chunk.getLong(at + 32) : 0,
                words > 3 ? chunk.getLong(at + 40) : 0, words > 4 ? chunk.getLong(at + 48) : 0, (int) (head & 0xFF));
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
            chunks = new UnsafeBuffer[chunks.length];
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
        private final UnsafeBuffer[] chunks;
        private final long top;
        private final long hashCheck;
        private volatile boolean walked;

        private Prefix(UnsafeBuffer[] chunks, long top, long hashCheck) {
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
                out.putLongs(chunks[(int) (from >>> CHUNK_BITS)], (int) Math.min(CHUNK_LONGS, top - from));
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
                chunks[c] = newChunk();
                chunksAllocated++;
            }
            in.getLongs(chunks[c], (int) Math.min(CHUNK_LONGS, words - ((long) c << CHUNK_BITS)));
        }
        top = words;
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

    private static void writeEntries(UnsafeBuffer[] chunks, long top, StateBuffer out) {
        long offset = 0;
        while (offset < top) {
            UnsafeBuffer chunk = chunks[(int) (offset >>> CHUNK_BITS)];
            int at = byteAt(offset);
            long head = chunk.getLong(at);
            if (head == GAP) {
                offset = (offset | CHUNK_MASK) + 1;
                continue;
            }
            int words = words(head);
            out.putLong(head);
            for (int i = 0; i < 5; i++) {
                out.putLong(i < words ? chunk.getLong(at + 16 + (i << 3)) : 0L);
            }
            out.putLong(chunk.getLong(at + 16 + (words << 3)));
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
            chunks[chunk] = newChunk();
            chunksAllocated++;
        }
        long offset = top;
        top += size;
        return offset;
    }

    private long get(long offset) {
        return chunks[(int) (offset >>> CHUNK_BITS)].getLong(byteAt(offset));
    }

    private void set(long offset, long value) {
        chunks[(int) (offset >>> CHUNK_BITS)].putLong(byteAt(offset), value);
    }

    /** Where the long at {@code offset} lies in its chunk, in bytes. */
    private static int byteAt(long offset) {
        return ((int) offset & CHUNK_MASK) << 3;
    }

    /** A chunk off the heap, its pages made (zeroed) here once. */
    private static UnsafeBuffer newChunk() {
        return DirectMemory.allocate(CHUNK_LONGS * Long.BYTES);
    }

    private static int words(long head) {
        return ((int) (head & 0xFF) + 7) >>> 3;
    }
}

package io.ringbook.engine.domain;

/**
 * A client order id held in place: up to 36 printable ASCII characters packed into five
 * long fields, so that commands, orders and events carry it without allocating or
 * pointing elsewhere. One instance lives inside each preallocated object and is
 * overwritten with {@link #copyFrom}.
 */
public final class ClOrdId {

    public static final int MAX_LENGTH = 36;

    private long w0;
    private long w1;
    private long w2;
    private long w3;
    private long w4;
    private int length;
    /** {@link #wordsHash} once computed for the current value, else 0. */
    private long wordsHash;

    /**
     * Sets the value from text (the edge), allocating nothing.
     *
     * @return false, leaving the value cleared, if the text is empty, longer than 36
     * characters or has a character outside printable ASCII (0x21-0x7E)
     */
    public boolean set(CharSequence text) {
        clear();
        int n = text.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        long word0 = 0;
        long word1 = 0;
        long word2 = 0;
        long word3 = 0;
        long word4 = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
            long shifted = ((long) c) << ((i & 7) << 3);
            switch (i >> 3) {
                case 0 -> word0 |= shifted;
                case 1 -> word1 |= shifted;
                case 2 -> word2 |= shifted;
                case 3 -> word3 |= shifted;
                default -> word4 |= shifted;
            }
        }
        setWords(word0, word1, word2, word3, word4, n);
        return true;
    }

    public void copyFrom(ClOrdId other) {
        setWords(other.w0, other.w1, other.w2, other.w3, other.w4, other.length);
        wordsHash = other.wordsHash;
    }

    /** Whether both hold the same id (allocates nothing). */
    public boolean sameAs(ClOrdId other) {
        return length == other.length && w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3 && w4 == other.w4;
    }

    /**
     * Clears the value; one already clear is not written again, so that the line of a ring
     * slot's id (an event's, a command's) stays shared with the other thread that read it
     * last instead of being taken back for a write of the same zeros.
     */
    public void clear() {
        if ((length | w0 | w1 | w2 | w3 | w4 | wordsHash) != 0) {
            setWords(0, 0, 0, 0, 0, 0);
        }
    }

    public int length() {
        return length;
    }

    /** Packed characters 8i..8i+7, lowest byte first: for codecs. */
    public long word(int i) {
        return switch (i) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            case 4 -> w4;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    /** Restores a value written with {@link #word} and {@link #length}: for codecs. */
    public void setWords(long word0, long word1, long word2, long word3, long word4, int newLength) {
        w0 = word0;
        w1 = word1;
        w2 = word2;
        w3 = word3;
        w4 = word4;
        length = newLength;
        wordsHash = 0;
    }

    /**
     * A 64-bit mix of the length and the used words (a Murmur3-style round per word), for
     * hash indexes: computed once per value and kept (a copy keeps it too), so the several
     * indexes one command consults hash the characters once. Never 0; not finalized, so an
     * index mixes it further with what else its key holds.
     */
    public long wordsHash() {
        long h = wordsHash;
        if (h == 0) {
            h = length * 0x9E3779B97F4A7C15L;
            int words = (length + 7) >>> 3;
            for (int i = 0; i < words; i++) {
                long k = Long.rotateLeft(word(i) * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
                h = Long.rotateLeft(h ^ k, 27) * 5 + 0x52DCE729;
            }
            h = h == 0 ? 1 : h;
            wordsHash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ((word(i >> 3) >>> ((i & 7) << 3)) & 0xFF);
        }
        return new String(chars);
    }
}

package io.ringbook.engine.domain;

/**
 * A client order id held in place: up to 36 printable ASCII characters packed into five
 * longs, so that commands, orders and events carry it without allocating. One instance
 * lives inside each preallocated object and is overwritten with {@link #copyFrom}.
 */
public final class ClOrdId {

    public static final int MAX_LENGTH = 36;
    private static final int WORDS = 5;

    private final long[] words = new long[WORDS];
    private int length;

    /**
     * Sets the value from text (the edge).
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
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                clear();
                return false;
            }
            words[i >> 3] |= ((long) c) << ((i & 7) << 3);
        }
        length = n;
        return true;
    }

    public void copyFrom(ClOrdId other) {
        System.arraycopy(other.words, 0, words, 0, WORDS);
        length = other.length;
    }

    public void clear() {
        for (int i = 0; i < WORDS; i++) {
            words[i] = 0;
        }
        length = 0;
    }

    public int length() {
        return length;
    }

    /** Packed characters 8i..8i+7, lowest byte first: for codecs. */
    public long word(int i) {
        return words[i];
    }

    /** Restores a value written with {@link #word} and {@link #length}: for codecs. */
    public void setWords(long w0, long w1, long w2, long w3, long w4, int newLength) {
        words[0] = w0;
        words[1] = w1;
        words[2] = w2;
        words[3] = w3;
        words[4] = w4;
        length = newLength;
    }

    public boolean contentEquals(ClOrdId other) {
        if (length != other.length) {
            return false;
        }
        for (int i = 0; i < WORDS; i++) {
            if (words[i] != other.words[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ((words[i >> 3] >>> ((i & 7) << 3)) & 0xFF);
        }
        return new String(chars);
    }
}

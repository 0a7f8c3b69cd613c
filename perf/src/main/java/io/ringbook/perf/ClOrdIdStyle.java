package io.ringbook.perf;

import io.ringbook.engine.domain.ClOrdId;

/**
 * How clients number their orders, for benchmarks with realistic clOrdIds: counters with
 * a prefix or zero padding, row numbers, UUID strings. Writes the n-th id of a style into
 * a {@link ClOrdId} without allocating (the text is built in a reused builder).
 */
public enum ClOrdIdStyle {
    /** No clOrdId at all. */
    NONE,
    /** {@code ORD%08d}: ORD00000042. */
    ORD_PADDED,
    /** {@code c-%d}: c-42. */
    DASH,
    /** {@code c<row>}: c42, as in an order file numbered by row. */
    ROW,
    /** {@code %016d}: 0000000000000042. */
    DIGITS16,
    /** 36-character UUID strings, distinct for every n. */
    UUID;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Writes the n-th id (n >= 0) of this style into {@code id} ({@link #NONE} clears it), using {@code text} as scratch. */
    public void write(long n, ClOrdId id, StringBuilder text) {
        text.setLength(0);
        switch (this) {
            case NONE -> {
                id.clear();
                return;
            }
            case ORD_PADDED -> padded(text.append("ORD"), n, 8);
            case DASH -> text.append("c-").append(n);
            case ROW -> text.append('c').append(n);
            case DIGITS16 -> padded(text, n, 16);
            case UUID -> uuid(text, mix(n), mix(~n));
        }
        id.set(text);
    }

    /**
     * Writes {@code c<n>} (the {@link #ROW} style) straight into the id's words, with no text
     * in between: for flows that make an id per command, so a measurement counts the
     * engine's work on the id and not its formatting.
     */
    public static void writeRow(long n, ClOrdId id) {
        int digits = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            digits++;
        }
        long w0 = 'c';
        long w1 = 0;
        long w2 = 0;
        long rest = n;
        for (int i = digits; i >= 1; i--) {
            long shifted = (long) ('0' + (int) (rest % 10)) << ((i & 7) << 3);
            rest /= 10;
            if (i < 8) {
                w0 |= shifted;
            } else if (i < 16) {
                w1 |= shifted;
            } else {
                w2 |= shifted;
            }
        }
        id.setWords(w0, w1, w2, 0, 0, digits + 1);
    }

    private static void padded(StringBuilder text, long n, int width) {
        int digits = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            text.append('0');
        }
        text.append(n);
    }

    private static void uuid(StringBuilder text, long high, long low) {
        hex(text, high >>> 32, 8).append('-');
        hex(text, high >>> 16, 4).append('-');
        hex(text, high, 4).append('-');
        hex(text, low >>> 48, 4).append('-');
        hex(text, low, 12);
    }

    private static StringBuilder hex(StringBuilder text, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            text.append(HEX[(int) (value >>> (i * 4)) & 0xF]);
        }
        return text;
    }

    /** A bijection of the counter (SplitMix64's finalizer), so the UUIDs look random and never repeat. */
    private static long mix(long n) {
        long z = n * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

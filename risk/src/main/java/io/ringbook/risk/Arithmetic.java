package io.ringbook.risk;

/**
 * Exact long arithmetic for limits: saturating at {@link Long#MAX_VALUE} instead of
 * wrapping (an absurd order must fail its check, not overflow past it), and share
 * comparisons in basis points without division or rounding.
 */
final class Arithmetic {

    private static final long BPS = 10_000;

    private Arithmetic() {
    }

    /** {@code a + b} for non-negative operands, or {@link Long#MAX_VALUE} if it overflows. */
    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code a * b} for non-negative operands, or {@link Long#MAX_VALUE} if it overflows. */
    static long multiply(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** Whether {@code part} is more than {@code bps} basis points of {@code whole} (both non-negative). */
    static boolean exceedsShare(long part, long whole, long bps) {
        if (part <= 0) {
            return false;
        }
        // compare part * 10000 with whole * bps as 128-bit products: exact for any operands
        long partHigh = Math.multiplyHigh(part, BPS);
        long wholeHigh = Math.multiplyHigh(whole, bps);
        return partHigh != wholeHigh ? partHigh > wholeHigh : Long.compareUnsigned(part * BPS, whole * bps) > 0;
    }
}

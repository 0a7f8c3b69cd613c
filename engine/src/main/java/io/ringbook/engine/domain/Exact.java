package io.ringbook.engine.domain;

/**
 * Overflow checks for the engine's long arithmetic, so that an amount that would not fit
 * in 63 bits is refused before anything changes instead of wrapping. They answer with a
 * boolean, never an exception: the business-logic thread uses no exceptions for control
 * flow, and the checks cost a multiply-high or a sign test.
 */
public final class Exact {

    private Exact() {
    }

    /** Whether {@code a * b} fits in a long. */
    public static boolean productFits(long a, long b) {
        long low = a * b;
        return Math.multiplyHigh(a, b) == (low >> 63);
    }

    /** Whether {@code a + b} fits in a long. */
    public static boolean sumFits(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) >= 0;
    }

    /** Whether {@code a - b} fits in a long. */
    public static boolean differenceFits(long a, long b) {
        long difference = a - b;
        return ((a ^ b) & (a ^ difference)) >= 0;
    }

    /** {@code a + b}, or the nearer of {@link Long#MAX_VALUE} and {@link Long#MIN_VALUE} if it does not fit. */
    public static long saturatedSum(long a, long b) {
        return sumFits(a, b) ? a + b : a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** {@code a - b}, or the nearer of {@link Long#MAX_VALUE} and {@link Long#MIN_VALUE} if it does not fit. */
    public static long saturatedDifference(long a, long b) {
        return differenceFits(a, b) ? a - b : a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * {@code a * b - c} formed in 128 bits, or the nearer of {@link Long#MAX_VALUE} and
     * {@link Long#MIN_VALUE} if the result does not fit: a mark-to-market value.
     */
    public static long saturatedProductMinus(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long resultLow = low - c;
        long resultHigh = high - (c >> 63) - (Long.compareUnsigned(low, c) < 0 ? 1 : 0);
        if (resultHigh == (resultLow >> 63)) {
            return resultLow;
        }
        return resultHigh < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * {@code a * b / d} truncated toward zero, exactly, for {@code |a| < d} and
     * {@code 0 <= b <= d} (so the result fits even where the product does not): a share
     * of a cost basis. The product is formed in 128 bits and divided bit by bit only when
     * it exceeds 63 bits.
     */
    public static long mulDiv(long a, long b, long d) {
        long magnitude = Math.abs(a);
        long high = Math.multiplyHigh(magnitude, b);
        long low = magnitude * b;
        long quotient;
        if (high == 0 && low >= 0) {
            quotient = low / d;
        } else {
            // restoring division of the 128-bit product by d: the remainder stays below d < 2^63
            long remainder = high;
            quotient = 0;
            for (int bit = 63; bit >= 0; bit--) {
                remainder = (remainder << 1) | ((low >>> bit) & 1);
                quotient <<= 1;
                if (Long.compareUnsigned(remainder, d) >= 0) {
                    remainder -= d;
                    quotient |= 1;
                }
            }
        }
        return a < 0 ? -quotient : quotient;
    }
}

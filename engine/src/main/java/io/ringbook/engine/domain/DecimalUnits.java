package io.ringbook.engine.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact conversion between client decimals and the engine's whole units (ticks, lots).
 * Only the edges (JSON, FIX, CSV) call this; inside the engine every price and quantity
 * is a {@code long}. A value that is not a whole number of units is an error, never rounded.
 */
public final class DecimalUnits {

    /** More integer digits than a long holds can never be a valid number of units. */
    private static final int MAX_INTEGER_DIGITS = 19;

    private DecimalUnits() {
    }

    /**
     * How many {@code unit}s make {@code value}.
     *
     * @throws ArithmeticException if {@code value} is not a whole multiple of {@code unit}
     *                             or the count does not fit in a long
     */
    public static long toUnits(BigDecimal value, BigDecimal unit) {
        // Refuse absurd magnitudes before any arithmetic: "1e999999" is six characters of
        // input but a million digits to divide, which would let one request stall a thread.
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new ArithmeticException(ClientText.quote(value) + " is too large");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > unit.stripTrailingZeros().scale()) {
            throw new ArithmeticException(ClientText.quote(value) + " is not a multiple of " + unit.toPlainString());
        }
        BigDecimal[] quotientAndRemainder = stripped.divideAndRemainder(unit);
        if (quotientAndRemainder[1].signum() != 0) {
            throw new ArithmeticException(ClientText.quote(value) + " is not a multiple of " + unit.toPlainString());
        }
        return quotientAndRemainder[0].longValueExact();
    }

    /** The decimal worth {@code units} of {@code unit}, at the unit's scale ("100.25", "0.5000"). */
    public static BigDecimal fromUnits(long units, BigDecimal unit) {
        return BigDecimal.valueOf(units).multiply(unit).setScale(unit.scale(), RoundingMode.UNNECESSARY);
    }

    /**
     * {@code numerator / denominator} units of {@code unit}, at {@code scale} digits,
     * HALF_EVEN: average prices and PnL, which the contract gives at price scale + 8.
     */
    public static BigDecimal ratio(long numerator, long denominator, BigDecimal unit, int scale) {
        return BigDecimal.valueOf(numerator).multiply(unit)
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }
}

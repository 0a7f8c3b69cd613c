package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.DecimalUnits;

import java.math.BigDecimal;

/**
 * A symbol's tick or lot size, for the REST door's two conversions on every order: whole
 * units to the contract's plain text at the unit's scale, and a price or quantity sent as
 * plain decimal text ({@code "100.25"}) to whole units. Both are done with longs, since a
 * {@code BigDecimal} and its text per field were a visible share of the door's CPU per
 * order; the results are exactly those of {@link DecimalUnits} and
 * {@link BigDecimal#toPlainString()}. What the long arithmetic cannot decide (a product
 * past a long, an exponent, a sign, a value that is not a whole positive number of units)
 * is left to the {@code BigDecimal} route, so every refusal keeps its text.
 */
final class DecimalUnit {

    /** Digits a long always holds: a plain text of at most this many digits is read exactly. */
    private static final int LONG_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = new long[LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Returned by {@link #unitsOf} when the long arithmetic cannot answer; never a count of units (those are positive). */
    static final long UNDECIDED = -1;

    private final BigDecimal size;
    /** The size's digits ({@code 25} for 0.25), or 0 where they or its scale do not fit the long arithmetic. */
    private final long unscaled;
    private final int scale;

    DecimalUnit(BigDecimal size) {
        this.size = size;
        this.scale = size.scale();
        boolean fits = scale >= 0 && scale <= LONG_DIGITS && size.signum() > 0 && size.unscaledValue().bitLength() < Long.SIZE - 1;
        this.unscaled = fits ? size.unscaledValue().longValue() : 0;
    }

    /** {@code units} of this size as plain text at the size's scale, as {@code DecimalUnits.fromUnits(units, size).toPlainString()}. */
    String text(long units) {
        long high = Math.multiplyHigh(units, unscaled);
        long product = units * unscaled;
        if (unscaled == 0 || high != (product >> (Long.SIZE - 1)) || product == Long.MIN_VALUE) {
            return DecimalUnits.fromUnits(units, size).toPlainString();
        }
        return plain(product, scale);
    }

    /**
     * How many units of this size {@code text} is, where it is plain decimal text (digits,
     * optionally a point and more digits, 18 digits at most) worth a positive whole number of
     * units; otherwise {@link #UNDECIDED}, and the caller takes the {@code BigDecimal} route.
     */
    long unitsOf(String text) {
        int point = simplePoint(text);
        if (point < 0 || unscaled == 0) {
            return UNDECIDED;
        }
        int fraction = point == text.length() ? 0 : text.length() - point - 1;
        long digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i != point) {
                digits = digits * 10 + (text.charAt(i) - '0');
            }
        }
        if (digits == 0) {
            return UNDECIDED;
        }
        // value = digits / 10^fraction, size = unscaled / 10^scale, so units = digits * 10^(scale - fraction) / unscaled
        long numerator = digits;
        long denominator = unscaled;
        if (scale >= fraction) {
            long power = POWERS_OF_TEN[scale - fraction];
            if (Math.multiplyHigh(digits, power) != 0 || digits * power < 0) {
                return UNDECIDED;
            }
            numerator = digits * power;
        } else {
            long power = POWERS_OF_TEN[fraction - scale];
            if (Math.multiplyHigh(unscaled, power) != 0 || unscaled * power < 0) {
                return UNDECIDED;
            }
            denominator = unscaled * power;
        }
        return numerator % denominator == 0 ? numerator / denominator : UNDECIDED;
    }

    /** Whether {@code text} is plain decimal text that {@link #unitsOf} reads: 18 digits at most, a point between two of them or none. */
    static boolean isPlain(String text) {
        return simplePoint(text) >= 0;
    }

    /**
     * {@code text} as {@code new BigDecimal(text).toPlainString()} shows it, for text that
     * {@link #unitsOf} read: the integer part's leading zeros dropped, one kept before the point.
     */
    static String plainText(String text) {
        int start = 0;
        while (start + 1 < text.length() && text.charAt(start) == '0' && text.charAt(start + 1) != '.') {
            start++;
        }
        return text.substring(start);
    }

    /**
     * {@code unscaledValue / 10^scale} as plain text, as
     * {@code BigDecimal.valueOf(unscaledValue, scale).toPlainString()} for {@code scale >= 0}
     * and any value but {@code Long.MIN_VALUE}.
     */
    static String plain(long unscaledValue, int scale) {
        char[] text = new char[20 + scale + 2];
        int at = text.length;
        long rest = Math.abs(unscaledValue);
        for (int i = 0; i < scale; i++) {
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        if (scale > 0) {
            text[--at] = '.';
        }
        do {
            text[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (unscaledValue < 0) {
            text[--at] = '-';
        }
        return new String(text, at, text.length - at);
    }

    /**
     * Where the point is in plain decimal text ({@code text.length()} if it has none), or -1
     * if the text is not digits with at most one point that has digits on both sides, or
     * has more than 18 digits.
     */
    private static int simplePoint(String text) {
        int length = text.length();
        int point = length;
        if (length == 0 || length > LONG_DIGITS + 1) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && point == length && i > 0 && i < length - 1) {
                point = i;
            } else if (c < '0' || c > '9') {
                return -1;
            }
        }
        return point == length && length > LONG_DIGITS ? -1 : point;
    }
}

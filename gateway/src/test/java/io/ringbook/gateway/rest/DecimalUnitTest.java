package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.DecimalUnits;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The door's long-only conversions give exactly what the {@code BigDecimal} route gives:
 * the same text for every count of units, and the same count for every plain text it
 * decides, leaving everything else (refusals included) to that route.
 */
class DecimalUnitTest {

    private static final List<BigDecimal> SIZES = sizes();

    private static List<BigDecimal> sizes() {
        List<BigDecimal> sizes = new ArrayList<>();
        for (String size : new String[] {"1", "5", "10", "25", "0.25", "0.5", "0.05", "0.125", "2.5", "1E+1", "1E+3",
                "0.10", "1.000", "0.00000001", "0.000000001", "0.000000000000000001", "0.0000000000000000001",
                "9223372036854775807", "92233720368547758070", "0.9223372036854775807"}) {
            sizes.add(new BigDecimal(size));
        }
        for (int scale = 0; scale <= 8; scale++) {
            sizes.add(BigDecimal.ONE.movePointLeft(scale));
        }
        return sizes;
    }

    @Test
    void shouldRenderUnitsAsTheBigDecimalRouteDoes() {
        long[] counts = {0, 1, -1, 2, 7, 10, 99, 100, 101, 12345, -12345, 1_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MAX_VALUE / 10, Long.MIN_VALUE / 10, Long.MAX_VALUE / 25, Long.MAX_VALUE / 25 + 1, -(Long.MAX_VALUE / 25) - 1,
                Long.MAX_VALUE / 100_000_000L, 3_037_000_499L, 3_037_000_500L, Integer.MAX_VALUE, Integer.MIN_VALUE};
        SplittableRandom random = new SplittableRandom(22);
        for (BigDecimal size : SIZES) {
            DecimalUnit unit = new DecimalUnit(size);
            for (long count : counts) {
                assertRendered(unit, size, count);
            }
            for (int i = 0; i < 2_000; i++) {
                assertRendered(unit, size, random.nextLong() >> random.nextInt(64));
            }
        }
    }

    @Test
    void shouldWritePlainTextOfAnyScale() {
        for (int scale = 0; scale <= 20; scale++) {
            for (long value : new long[] {0, 1, -1, 9, 10, -10, 123456789, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
                assertEquals(BigDecimal.valueOf(value, scale).toPlainString(), DecimalUnit.plain(value, scale), value + " at " + scale);
            }
        }
    }

    @Test
    void shouldReadPlainTextAsTheBigDecimalRouteDoes() {
        List<String> texts = new ArrayList<>(List.of("1", "0", "00", "0.0", "007", "007.50", "100", "100.00", "100.25", "100.250",
                "0.5", "0.25", "0.125", "0.05", "0.00000001", "0.000000001", "2.5", "25", "10", "1000", "1001",
                "999999999999999999", "99999999999999999.9", "0.99999999999999999", "1000000000000000000",
                "9223372036854775807", "9223372036854775808", "0.000000000000000001", "000000000000000001",
                "1e3", "1E+3", "1.5e2", "-1", "+1", "-0.5", ".5", "5.", "1.2.3", "", " 1", "1 ", "1,5", "0x10", "١",
                "NaN", "Infinity", "1_000"));
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 3_000; i++) {
            String digits = Long.toString(random.nextLong(1, Long.MAX_VALUE) >> random.nextInt(63));
            int point = random.nextInt(digits.length() + 1);
            texts.add(point == 0 || point == digits.length() ? digits : digits.substring(0, point) + "." + digits.substring(point));
        }
        for (BigDecimal size : SIZES) {
            DecimalUnit unit = new DecimalUnit(size);
            for (String text : texts) {
                assertRead(unit, size, text);
            }
        }
    }

    @Test
    void shouldLeaveEverythingButPlainPositiveWholeUnitsToTheBigDecimalRoute() {
        DecimalUnit cent = new DecimalUnit(new BigDecimal("0.01"));
        assertEquals(10025, cent.unitsOf("100.25"));
        assertEquals(10025, cent.unitsOf("100.2500000"));
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("100.255"), "off-tick");
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("0"), "zero");
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("0.00"), "zero");
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("-1"), "negative");
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("1e2"), "exponent");
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("1234567890123456789"), "19 digits");
        assertEquals(DecimalUnit.UNDECIDED, cent.unitsOf("99999999999999999.9"), "units past a long");
        assertFalse(DecimalUnit.isPlain("1e2"));
        assertFalse(DecimalUnit.isPlain("5."));
        assertFalse(DecimalUnit.isPlain(".5"));
        assertTrue(DecimalUnit.isPlain("999999999999999999"));
        assertFalse(DecimalUnit.isPlain("9999999999999999999"));
        assertTrue(DecimalUnit.isPlain("99999999999999999.9"));
        assertFalse(DecimalUnit.isPlain("99999999999999999.99"));
    }

    private static void assertRendered(DecimalUnit unit, BigDecimal size, long count) {
        assertEquals(DecimalUnits.fromUnits(count, size).toPlainString(), unit.text(count), count + " of " + size);
    }

    private static void assertRead(DecimalUnit unit, BigDecimal size, String text) {
        long units = unit.unitsOf(text);
        Long expected = bigDecimalUnits(text, size);
        if (units != DecimalUnit.UNDECIDED) {
            assertTrue(units > 0, text);
            assertEquals(expected, units, text + " in " + size);
            assertTrue(DecimalUnit.isPlain(text), text);
        } else if (expected != null && expected > 0 && DecimalUnit.isPlain(text) && size.scale() >= 0 && size.scale() <= 18
                && size.unscaledValue().bitLength() < 63 && new BigDecimal(text).unscaledValue().bitLength() < 60) {
            // a plain text worth whole units that the long arithmetic could hold must not be left undecided
            BigDecimal exact = new BigDecimal(text).movePointRight(size.scale());
            boolean fits = exact.scale() <= 0 ? exact.precision() - exact.scale() <= 18
                    : size.unscaledValue().multiply(BigDecimal.TEN.pow(exact.scale()).toBigInteger()).bitLength() < 63;
            assertFalse(fits, text + " in " + size + " was left undecided");
        }
        if (DecimalUnit.isPlain(text)) {
            assertEquals(new BigDecimal(text).toPlainString(), DecimalUnit.plainText(text), text);
        }
    }

    /** What {@code DecimalUnits.toUnits} gives for the text read as a {@code BigDecimal}, or null where either refuses it. */
    private static Long bigDecimalUnits(String text, BigDecimal size) {
        try {
            return DecimalUnits.toUnits(new BigDecimal(text), size);
        } catch (NumberFormatException | ArithmeticException refused) {
            return null;
        }
    }
}

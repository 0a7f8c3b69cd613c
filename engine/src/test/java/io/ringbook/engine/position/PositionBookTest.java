package io.ringbook.engine.position;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionBookTest {

    private final PositionBook positions = new PositionBook(2, 1);

    @Test
    void shouldAverageTheCostOfAnIncreasingPosition() {
        positions.applyFill(0, 0, 2, 100, 0);
        positions.applyFill(0, 0, 2, 110, 0);
        assertEquals(4, positions.qty(0, 0));
        assertEquals(420, positions.costBasis(0, 0));
        assertEquals(0, positions.realizedPnl(0, 0));
    }

    @Test
    void shouldRealizeProfitWhenReducingALongPosition() {
        positions.applyFill(0, 0, 4, 105, 0);
        positions.applyFill(0, 0, -1, 115, 0);
        assertEquals(3, positions.qty(0, 0));
        assertEquals(10, positions.realizedPnl(0, 0));
        assertEquals(315, positions.costBasis(0, 0));
    }

    @Test
    void shouldRealizeExactlyOnARoundTripEvenWhenTheAverageIsFractional() {
        positions.applyFill(0, 0, 1, 100, 0);
        positions.applyFill(0, 0, 2, 101, 0);
        positions.applyFill(0, 0, -1, 103, 0);
        positions.applyFill(0, 0, -2, 90, 0);
        assertEquals(0, positions.qty(0, 0));
        assertEquals(0, positions.costBasis(0, 0));
        assertEquals(103 + 180 - 302, positions.realizedPnl(0, 0));
    }

    @Test
    void shouldFlipFromShortToLongThroughZero() {
        positions.applyFill(0, 0, -2, 100, 0);
        positions.applyFill(0, 0, 5, 90, 0);
        assertEquals(3, positions.qty(0, 0));
        assertEquals(20, positions.realizedPnl(0, 0));
        assertEquals(270, positions.costBasis(0, 0));
    }

    @Test
    void shouldMarkOpenPositionsToTheLastTradePriceAndKeepFeesApart() {
        positions.applyFill(0, 0, -2, 100, 3);
        assertEquals(0, positions.unrealizedPnl(0, 0), "no mark before the first trade");
        positions.mark(0, 95);
        assertEquals(10, positions.unrealizedPnl(0, 0));
        assertEquals(3, positions.fees(0, 0));
        assertEquals(0, positions.realizedPnl(0, 0));
    }

    @Test
    void shouldReleaseTheExactShareOfABasisWhoseProductNeedsMoreThan63Bits() {
        long lots = 4_000_000_001L;
        positions.applyFill(0, 0, lots, 2_000_000_000L, 0);
        positions.applyFill(0, 0, 1, 2_000_000_001L, 0);
        positions.applyFill(0, 0, -3_000_000_000L, 2_000_000_000L, 0);
        long basis = lots * 2_000_000_000L + 2_000_000_001L;
        long released = java.math.BigInteger.valueOf(basis).multiply(java.math.BigInteger.valueOf(3_000_000_000L))
                .divide(java.math.BigInteger.valueOf(lots + 1)).longValueExact();
        assertEquals(basis - released, positions.costBasis(0, 0));
        assertEquals(3_000_000_000L * 2_000_000_000L - released, positions.realizedPnl(0, 0));
    }

    @Test
    void shouldRefuseAFillWhoseSumsWouldWrapAndChangeNothing() {
        assertTrue(positions.applyFill(0, 0, 1, Long.MAX_VALUE - 1, 0));
        assertFalse(positions.fits(0, 0, 1, 2, 0), "the cost basis would pass 2^63");
        assertFalse(positions.applyFill(0, 0, 1, 2, 0));
        assertEquals(1, positions.qty(0, 0));
        assertEquals(Long.MAX_VALUE - 1, positions.costBasis(0, 0));
        assertTrue(positions.applyFill(0, 0, 0, 1, Long.MAX_VALUE));
        assertFalse(positions.applyFill(0, 0, -1, 1, 1), "fees would pass 2^63");
        assertTrue(positions.applyFill(1, 0, -1, Long.MAX_VALUE - 1, 0));
        assertTrue(positions.applyFill(1, 0, 1, 1, 0));
        assertEquals(Long.MAX_VALUE - 2, positions.realizedPnl(1, 0));
        assertTrue(positions.applyFill(1, 0, -1, 4, 0));
        assertFalse(positions.applyFill(1, 0, 1, 1, 0), "a realized PnL beyond 2^63");
        assertEquals(-1, positions.qty(1, 0));
        assertTrue(positions.applyFill(1, 0, -1, Long.MAX_VALUE / 2, 0));
        positions.mark(0, 1);
        assertEquals(Long.MAX_VALUE / 2 + 2, positions.unrealizedPnl(1, 0));
        positions.mark(0, Long.MAX_VALUE);
        assertEquals(Long.MIN_VALUE, positions.unrealizedPnl(1, 0), "saturated, never wrapped");
    }
}

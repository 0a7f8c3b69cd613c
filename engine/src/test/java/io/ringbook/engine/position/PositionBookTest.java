package io.ringbook.engine.position;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

package io.ringbook.engine.marketdata;

import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DepthBookTest {

    private final DepthBook book = new DepthBook(2);
    private long sequence;

    @Test
    void shouldKeepEachSideBestFirstAndDropEmptiedLevels() {
        level(Side.BUY, 99, 5);
        level(Side.BUY, 101, 1);
        level(Side.BUY, 100, 2);
        level(Side.SELL, 103, 7);
        level(Side.SELL, 102, 3);
        level(Side.BUY, 101, 0);
        level(Side.BUY, 100, 4);
        level(Side.SELL, 104, 0);

        long[] prices = new long[2];
        long[] quantities = new long[2];
        assertEquals(2, book.depth(1, Side.BUY, prices, quantities), "depth is capped by the caller's arrays");
        assertArrayEquals(new long[] {100, 99}, prices);
        assertArrayEquals(new long[] {4, 5}, quantities);
        assertEquals(2, book.depth(1, Side.SELL, prices, quantities));
        assertArrayEquals(new long[] {102, 103}, prices);
        assertEquals(0, book.depth(0, Side.SELL, prices, quantities), "other symbols are untouched");
        assertEquals(8, book.sequence(1));
    }

    private void level(Side side, long price, long qty) {
        EngineEvent event = new EngineEvent().clear();
        event.type = EventType.BOOK_LEVEL;
        event.symbolId = 1;
        event.side = side;
        event.price = price;
        event.qty = qty;
        event.bookSequence = ++sequence;
        book.onEvent(event);
    }
}

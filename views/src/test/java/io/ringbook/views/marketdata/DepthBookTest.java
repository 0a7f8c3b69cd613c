package io.ringbook.views.marketdata;

import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void shouldCopyBothSidesWithTheSequenceTheyIncludeWhileUpdatesRace() throws Exception {
        int changes = 20_000;
        // change k adds the bid level k (and, every other change, the ask level 100,000 + k): the book at sequence S is known
        Thread writer = new Thread(() -> {
            for (int k = 1; k <= changes; k++) {
                if (k % 2 == 0) {
                    level(Side.SELL, 100_000 + k, k);
                } else {
                    level(Side.BUY, k, k);
                }
            }
        });
        writer.start();
        int checked = 0;
        long seen = 0;
        while (seen < changes) {
            DepthBook.Snapshot snapshot = book.snapshot(1, 5);
            seen = snapshot.sequence();
            assertEquals(Math.min(5, (seen + 1) / 2), snapshot.bids(), "bids at sequence " + seen);
            assertEquals(Math.min(5, seen / 2), snapshot.asks(), "asks at sequence " + seen);
            if (snapshot.bids() > 0) {
                assertEquals(seen % 2 == 1 ? seen : seen - 1, snapshot.bidPrices()[0], "the best bid is the newest at " + seen);
                assertEquals(snapshot.bidPrices()[0], snapshot.bidQuantities()[0]);
            }
            if (snapshot.asks() > 0) {
                assertEquals(100_002, snapshot.askPrices()[0], "the best ask is the first");
            }
            checked++;
        }
        writer.join(5_000);
        assertTrue(checked > 1, "read while the writer ran: " + checked);
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

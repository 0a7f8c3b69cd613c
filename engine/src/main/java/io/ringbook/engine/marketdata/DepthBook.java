package io.ringbook.engine.marketdata;

import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;

import java.util.Arrays;

/**
 * The aggregated book of every symbol (price levels and their total quantity, no
 * orders), rebuilt on the outbound thread from the engine's {@code BOOK_LEVEL} events,
 * for market data: REST depth, WebSocket snapshots, tickers. Readers on other threads
 * copy what they need under the symbol's lock; the business logic is never involved.
 * Levels are kept in sorted primitive arrays, best first, so updates allocate nothing
 * once the arrays have grown to the book's size.
 */
public final class DepthBook implements EngineListener {

    private final Ladder[] bids;
    private final Ladder[] asks;
    private final long[] sequence;

    public DepthBook(int symbols) {
        bids = new Ladder[symbols];
        asks = new Ladder[symbols];
        sequence = new long[symbols];
        for (int i = 0; i < symbols; i++) {
            bids[i] = new Ladder(true);
            asks[i] = new Ladder(false);
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event.type != EventType.BOOK_LEVEL) {
            return;
        }
        Ladder ladder = event.side == Side.BUY ? bids[event.symbolId] : asks[event.symbolId];
        synchronized (ladder) {
            ladder.set(event.price, event.qty);
        }
        synchronized (this) {
            sequence[event.symbolId] = event.bookSequence;
        }
    }

    /**
     * Copies up to {@code prices.length} levels of one side, best first.
     *
     * @return the number of levels copied
     */
    public int depth(int symbolId, Side side, long[] prices, long[] quantities) {
        Ladder ladder = side == Side.BUY ? bids[symbolId] : asks[symbolId];
        synchronized (ladder) {
            return ladder.copyTop(prices, quantities);
        }
    }

    /** The market-data sequence of the last change applied to the symbol's book. */
    public synchronized long sequence(int symbolId) {
        return sequence[symbolId];
    }

    /** One side's levels: prices sorted best first, with their total quantities. */
    private static final class Ladder {
        private final boolean bid;
        private long[] prices = new long[64];
        private long[] quantities = new long[64];
        private int count;

        Ladder(boolean bid) {
            this.bid = bid;
        }

        void set(long price, long qty) {
            int index = find(price);
            if (index >= 0) {
                if (qty == 0) {
                    System.arraycopy(prices, index + 1, prices, index, count - index - 1);
                    System.arraycopy(quantities, index + 1, quantities, index, count - index - 1);
                    count--;
                } else {
                    quantities[index] = qty;
                }
                return;
            }
            if (qty == 0) {
                return;
            }
            int insertAt = -index - 1;
            if (count == prices.length) {
                prices = Arrays.copyOf(prices, count * 2);
                quantities = Arrays.copyOf(quantities, count * 2);
            }
            System.arraycopy(prices, insertAt, prices, insertAt + 1, count - insertAt);
            System.arraycopy(quantities, insertAt, quantities, insertAt + 1, count - insertAt);
            prices[insertAt] = price;
            quantities[insertAt] = qty;
            count++;
        }

        int copyTop(long[] topPrices, long[] topQuantities) {
            int n = Math.min(count, topPrices.length);
            System.arraycopy(prices, 0, topPrices, 0, n);
            System.arraycopy(quantities, 0, topQuantities, 0, n);
            return n;
        }

        /** Binary search in best-first order: bids descending, asks ascending. */
        private int find(long price) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long at = prices[mid];
                if (at == price) {
                    return mid;
                }
                if (bid ? at > price : at < price) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return -(low + 1);
        }
    }
}

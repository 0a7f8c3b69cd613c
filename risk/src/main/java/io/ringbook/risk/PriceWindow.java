package io.ringbook.risk;

import io.ringbook.engine.state.StateBuffer;

/**
 * The lowest and highest trade prices of a symbol within a sliding window of event
 * time, kept exactly with two monotonic queues (a price that can never again be the
 * minimum or maximum is dropped), so each trade costs O(1) amortized. The queues grow
 * by doubling when a long monotonic run outgrows them, and never shrink, so steady
 * state does not allocate.
 */
final class PriceWindow {

    private final long windowNanos;
    private final MonotonicQueue lows = new MonotonicQueue(true);
    private final MonotonicQueue highs = new MonotonicQueue(false);

    PriceWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /**
     * Whether {@code price} at {@code now} is more than {@code moveBps} away from a price
     * of the window; an empty window (after a trip, or a quiet spell) judges it against
     * {@code anchor}, the last trade price or else the configured reference (0: none), so
     * the first trade after a trip cannot print at any price.
     */
    boolean movesBeyond(long price, long now, long moveBps, long anchor) {
        evictBefore(now - windowNanos);
        if (lows.isEmpty()) {
            return anchor != 0 && beyond(price, anchor, anchor, moveBps);
        }
        return beyond(price, lows.first(), highs.first(), moveBps);
    }

    /**
     * Whether a sweep of trades at {@code now}, prices monotone from {@code first} to
     * {@code last}, would meet a trade that {@link #movesBeyond}, each judged with the
     * earlier ones added to the window. Exact with two checks: the first trade against
     * the window as it is, and the last (the furthest out) against the window with the
     * first added, since every trade between is nearer to both bounds.
     */
    boolean sweepMovesBeyond(long first, long last, long now, long moveBps, long anchor) {
        if (movesBeyond(first, now, moveBps, anchor)) {
            return true;
        }
        long low = lows.isEmpty() ? first : Math.min(lows.first(), first);
        long high = lows.isEmpty() ? first : Math.max(highs.first(), first);
        return beyond(last, low, high, moveBps);
    }

    private static boolean beyond(long price, long low, long high, long moveBps) {
        return Arithmetic.exceedsShare(price - low, low, moveBps) || Arithmetic.exceedsShare(high - price, high, moveBps);
    }

    private void evictBefore(long since) {
        lows.evictBefore(since);
        highs.evictBefore(since);
    }

    void add(long price, long now) {
        lows.add(price, now);
        highs.add(price, now);
    }

    void clear() {
        lows.clear();
        highs.clear();
    }

    void writeTo(StateBuffer out) {
        lows.writeTo(out);
        highs.writeTo(out);
    }

    void readFrom(StateBuffer in) {
        lows.readFrom(in);
        highs.readFrom(in);
    }

    /** Prices with their times, oldest first, each better (lower, or higher) than all before it. */
    private static final class MonotonicQueue {

        private final boolean keepsLows;
        private long[] prices = new long[64];
        private long[] times = new long[64];
        private int head;
        private int size;

        MonotonicQueue(boolean keepsLows) {
            this.keepsLows = keepsLows;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long first() {
            return prices[head];
        }

        void evictBefore(long since) {
            while (size > 0 && times[head] < since) {
                head = (head + 1) & (prices.length - 1);
                size--;
            }
        }

        void add(long price, long now) {
            while (size > 0) {
                long last = prices[(head + size - 1) & (prices.length - 1)];
                if (keepsLows ? last < price : last > price) {
                    break;
                }
                size--;
            }
            if (size == prices.length) {
                grow();
            }
            int at = (head + size) & (prices.length - 1);
            prices[at] = price;
            times[at] = now;
            size++;
        }

        void clear() {
            head = 0;
            size = 0;
        }

        void writeTo(StateBuffer out) {
            out.putInt(size);
            for (int i = 0; i < size; i++) {
                int at = (head + i) & (prices.length - 1);
                out.putLong(prices[at]);
                out.putLong(times[at]);
            }
        }

        void readFrom(StateBuffer in) {
            clear();
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                long price = in.getLong();
                add(price, in.getLong());
            }
        }

        private void grow() {
            long[] newPrices = new long[prices.length * 2];
            long[] newTimes = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                int at = (head + i) & (prices.length - 1);
                newPrices[i] = prices[at];
                newTimes[i] = times[at];
            }
            prices = newPrices;
            times = newTimes;
            head = 0;
        }
    }
}

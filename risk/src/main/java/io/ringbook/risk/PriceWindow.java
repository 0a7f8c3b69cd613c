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

    /** Whether {@code price} at {@code now} is more than {@code moveBps} away from a price of the window. */
    boolean movesBeyond(long price, long now, long moveBps) {
        long since = now - windowNanos;
        lows.evictBefore(since);
        highs.evictBefore(since);
        if (lows.isEmpty()) {
            return false;
        }
        long low = lows.first();
        long high = highs.first();
        return Arithmetic.exceedsShare(price - low, low, moveBps) || Arithmetic.exceedsShare(high - price, high, moveBps);
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

package io.ringbook.views.marketdata;

import io.ringbook.engine.domain.Side;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * What each resting order adds to its price level (symbol, side, price, quantity left),
 * by orderId: the {@link DepthBook} takes an order's old part off its level before it
 * puts the new one on. Parallel primitive arrays with a free list, so that steady flow
 * allocates nothing once they have grown to the most orders resting at once.
 */
final class RestingOrders {

    private static final long NONE = -1;

    private final Long2LongHashMap slotByOrder = new Long2LongHashMap(NONE);
    private int[] symbols = new int[1024];
    private boolean[] buys = new boolean[1024];
    private long[] prices = new long[1024];
    private long[] quantities = new long[1024];
    private int[] free = new int[1024];
    private int freeCount;
    private int used;

    /** The order's slot, or -1 if it does not rest. */
    int find(long orderId) {
        return (int) slotByOrder.get(orderId);
    }

    int add(long orderId, int symbolId, Side side, long price, long qty) {
        int slot = freeCount > 0 ? free[--freeCount] : next();
        symbols[slot] = symbolId;
        buys[slot] = side == Side.BUY;
        prices[slot] = price;
        quantities[slot] = qty;
        slotByOrder.put(orderId, slot);
        return slot;
    }

    void remove(long orderId, int slot) {
        slotByOrder.remove(orderId);
        free[freeCount++] = slot;
    }

    void quantity(int slot, long qty) {
        quantities[slot] = qty;
    }

    int symbolId(int slot) {
        return symbols[slot];
    }

    Side side(int slot) {
        return buys[slot] ? Side.BUY : Side.SELL;
    }

    long price(int slot) {
        return prices[slot];
    }

    long quantity(int slot) {
        return quantities[slot];
    }

    private int next() {
        if (used == prices.length) {
            int size = used * 2;
            symbols = Arrays.copyOf(symbols, size);
            buys = Arrays.copyOf(buys, size);
            prices = Arrays.copyOf(prices, size);
            quantities = Arrays.copyOf(quantities, size);
            free = Arrays.copyOf(free, size);
        }
        return used++;
    }
}

package io.ringbook.engine.book;

import java.util.Arrays;

/**
 * One side's price levels, sorted so that the best price is the last element: adding,
 * finding and removing near the top of the book, where almost all activity is, moves
 * few elements. Levels are pooled. Keys are the price for bids and its negation for
 * asks, so that "better" is always "greater".
 */
public final class BookSide {

    private final boolean bid;
    private long[] keys;
    private PriceLevel[] levels;
    private int count;
    private PriceLevel free;

    BookSide(boolean bid, int initialLevels) {
        this.bid = bid;
        this.keys = new long[initialLevels];
        this.levels = new PriceLevel[initialLevels];
    }

    public int levelCount() {
        return count;
    }

    /** The best level, or null if the side is empty. */
    public PriceLevel best() {
        return count == 0 ? null : levels[count - 1];
    }

    /** The {@code depth}-th best level (0 = best); the caller keeps depth below {@link #levelCount()}. */
    public PriceLevel level(int depth) {
        return levels[count - 1 - depth];
    }

    /** Whether an order on the other side at {@code limitPrice} would trade against this side's best. */
    public boolean crossedBy(long limitPrice) {
        if (count == 0) {
            return false;
        }
        long best = levels[count - 1].price;
        return bid ? limitPrice <= best : limitPrice >= best;
    }

    /** Whether a level priced {@code levelPrice} is within the limit of an incoming order at {@code limitPrice}. */
    public boolean reachable(long levelPrice, long limitPrice) {
        return bid ? levelPrice >= limitPrice : levelPrice <= limitPrice;
    }

    PriceLevel find(long price) {
        int index = Arrays.binarySearch(keys, 0, count, key(price));
        return index >= 0 ? levels[index] : null;
    }

    PriceLevel getOrCreate(long price) {
        long key = key(price);
        int index = Arrays.binarySearch(keys, 0, count, key);
        if (index >= 0) {
            return levels[index];
        }
        int insertAt = -index - 1;
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            levels = Arrays.copyOf(levels, count * 2);
        }
        System.arraycopy(keys, insertAt, keys, insertAt + 1, count - insertAt);
        System.arraycopy(levels, insertAt, levels, insertAt + 1, count - insertAt);
        PriceLevel level = free == null ? new PriceLevel() : takeFree();
        level.reset(price);
        keys[insertAt] = key;
        levels[insertAt] = level;
        count++;
        return level;
    }

    void remove(PriceLevel level) {
        int index = count - 1;
        if (levels[index] != level) {
            index = Arrays.binarySearch(keys, 0, count, key(level.price));
        }
        System.arraycopy(keys, index + 1, keys, index, count - index - 1);
        System.arraycopy(levels, index + 1, levels, index, count - index - 1);
        count--;
        levels[count] = null;
        level.nextFree = free;
        free = level;
    }

    private PriceLevel takeFree() {
        PriceLevel level = free;
        free = level.nextFree;
        level.nextFree = null;
        return level;
    }

    private long key(long price) {
        return bid ? price : -price;
    }
}

package io.ringbook.views.marketdata;

import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.views.orders.OrderStanding;

import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;

/**
 * The aggregated book of every symbol (price levels and their total quantity, no
 * orders), derived on the outbound thread from the engine's order events, for market
 * data: REST depth, WebSocket snapshots and updates, tickers. The business logic reports
 * only what happened to each order; the order views tell this book what an order stood
 * at before each event ({@link OrderStanding}), so its old part of its level is taken
 * off and its new part put on, with no copy of the orders here: the book is as right as
 * the order views (should they fail on an event, a listener failure that health reports,
 * a level can be wrong until a restart rebuilds both). An order that a command
 * brings in or amends (its {@code ORDER_ACCEPTED} or {@code ORDER_REPLACED}) is counted
 * when the command ends, as it then stands: until its matching is over it is not on the
 * book, and counting it earlier would show a crossed book for an instant. Every other
 * order (a maker filled, an order canceled or expired) is counted at its event. Each
 * change of a level's total is numbered: the symbol's market-data sequence, +1 a change,
 * contiguous, told to the {@link LevelListener} (the stream's book channel).
 *
 * <p>Readers on other threads copy what they need: both sides and the sequence of the last
 * change they include, as one consistent {@link Snapshot}. They copy under an optimistic
 * read of the symbol's {@link StampedLock}, which the outbound thread's write never waits
 * for; only a reader that keeps racing with updates falls back to a read lock, held for an
 * array copy (never for rendering): the outbound thread's next write then waits for that
 * copy at most. The business logic is never involved. Levels are kept in sorted primitive
 * arrays, best first, so updates allocate nothing once the arrays have grown to the
 * book's size.
 *
 * <p>Why not the engine's {@code BookSide}: that ladder holds the orders themselves (each
 * level an intrusive queue of pooled {@code Order}s, best last, for matching), is owned by
 * the logic thread and read by no other; this one holds only each level's total, best
 * first, and is written by the outbound thread while HTTP threads copy from it under a
 * {@link StampedLock}. Sharing one class would put locking on the matching path or orders
 * in market data.
 */
public final class DepthBook implements EngineListener {

    private static final int OPTIMISTIC_TRIES = 8;

    /**
     * Both sides of a symbol's book, best first, up to the depth asked for, and the
     * market-data sequence of the last change they include.
     */
    public record Snapshot(long sequence, long[] bidPrices, long[] bidQuantities, int bids,
                           long[] askPrices, long[] askQuantities, int asks) {
    }

    /** Told of each change of a level's total on the outbound thread, after readers can see it. */
    @FunctionalInterface
    public interface LevelListener {
        /** {@code qty} is the level's new total, 0 when it is gone. */
        void levelChanged(int symbolId, Side side, long price, long qty, long sequence);
    }

    private final SymbolDepth[] symbols;
    private LevelListener listener = (symbolId, side, price, qty, sequence) -> {
    };
    /** What the order views said the order of the coming event stood at ({@link #before}); its orderId 0 once used. */
    private final Part prior = new Part();
    /** The order the current command brought in or amended, counted at the command's end: what it stood at then, and now. */
    private final Part pendingOld = new Part();
    private final Part pending = new Part();
    /** The level changes of one order's move (at most two: the level it leaves and the one it joins), told once both are made. */
    private final int[] changedSymbols = new int[2];
    private final Side[] changedSides = new Side[2];
    private final long[] changedPrices = new long[2];
    private final long[] changedTotals = new long[2];
    private final long[] changedSequences = new long[2];
    private int changes;

    public DepthBook(int symbolCount) {
        symbols = new SymbolDepth[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = new SymbolDepth();
        }
    }

    /** Set once, before the first event. */
    public void listener(LevelListener levelListener) {
        this.listener = levelListener;
    }

    /**
     * From the order views ({@link OrderStanding}), just before they apply an event about
     * the order: only such events change the book (the views pass over refusals, which
     * restate an order unchanged or name another, and events about no order).
     */
    public void before(long orderId, int symbolId, Side side, long price, long leaves) {
        prior.set(orderId, symbolId, side, price, leaves);
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (prior.orderId == event.orderId && event.orderId != 0) {
            prior.orderId = 0; // used once: a prior the order views did not renew cannot be taken off twice
            long leaves = event.status != null && event.status.isOpen() ? event.qty - event.filledQty : 0;
            if (event.type == EventType.ORDER_ACCEPTED || event.type == EventType.ORDER_REPLACED || event.orderId == pending.orderId) {
                if (event.orderId != pending.orderId) {
                    countPending();
                    pendingOld.copy(prior);
                }
                pending.set(event.orderId, event.symbolId, event.side, event.price, leaves);
            } else {
                move(prior, event.symbolId, event.side, event.price, leaves);
            }
        }
        if (event.lastOfCommand) {
            countPending();
        }
    }

    /**
     * At start, before any event: counts an open order of a restored read model
     * ({@link OrderStanding}, from the order views), without numbering the change.
     */
    public void restoreResting(long orderId, int symbolId, Side side, long price, long leaves) {
        addToLevel(symbolId, side, price, leaves, false);
    }

    private void countPending() {
        if (pending.orderId != 0) {
            pending.orderId = 0;
            move(pendingOld, pending.symbolId, pending.side, pending.price, pending.leaves);
        }
    }

    /**
     * Takes an order's old part off the book and puts its new one on ({@code leaves} at
     * the price, 0 for none). Both levels it touches change before the listener hears of
     * either, so that a listener that fails cannot leave an order half moved.
     */
    private void move(Part old, int symbolId, Side side, long price, long leaves) {
        changes = 0; // what an earlier move left when it failed half way (it was told to no one)
        if (old.leaves > 0 && leaves > 0 && old.symbolId == symbolId && old.side == side && old.price == price) {
            addToLevel(symbolId, side, price, leaves - old.leaves, true);
        } else {
            if (old.leaves > 0) {
                addToLevel(old.symbolId, old.side, old.price, -old.leaves, true);
            }
            if (leaves > 0) {
                addToLevel(symbolId, side, price, leaves, true);
            }
        }
        int told = changes;
        changes = 0;
        for (int i = 0; i < told; i++) {
            listener.levelChanged(changedSymbols[i], changedSides[i], changedPrices[i], changedTotals[i], changedSequences[i]);
        }
    }

    private void addToLevel(int symbolId, Side side, long price, long delta, boolean numbered) {
        if (delta == 0) {
            return;
        }
        SymbolDepth symbol = symbols[symbolId];
        long stamp = symbol.lock.writeLock();
        try {
            long total = (side == Side.BUY ? symbol.bids : symbol.asks).add(price, delta);
            if (numbered) {
                changedSymbols[changes] = symbolId;
                changedSides[changes] = side;
                changedPrices[changes] = price;
                changedTotals[changes] = total;
                changedSequences[changes++] = ++symbol.sequence;
            }
        } finally {
            symbol.lock.unlockWrite(stamp);
        }
    }

    /** Both sides, at most {@code levels} each, with the sequence they are current to. */
    public Snapshot snapshot(int symbolId, int levels) {
        long[] bidPrices = new long[levels];
        long[] bidQuantities = new long[levels];
        long[] askPrices = new long[levels];
        long[] askQuantities = new long[levels];
        int[] counts = new int[2];
        long sequence = copy(symbols[symbolId], bidPrices, bidQuantities, askPrices, askQuantities, counts);
        return new Snapshot(sequence, bidPrices, bidQuantities, counts[0], askPrices, askQuantities, counts[1]);
    }

    /**
     * Copies up to {@code prices.length} levels of one side, best first.
     *
     * @return the number of levels copied
     */
    public int depth(int symbolId, Side side, long[] prices, long[] quantities) {
        int[] counts = new int[2];
        long[] none = new long[0];
        if (side == Side.BUY) {
            copy(symbols[symbolId], prices, quantities, none, none, counts);
            return counts[0];
        }
        copy(symbols[symbolId], none, none, prices, quantities, counts);
        return counts[1];
    }

    /** The market-data sequence of the last change applied to the symbol's book. */
    public long sequence(int symbolId) {
        long[] none = new long[0];
        return copy(symbols[symbolId], none, none, none, none, new int[2]);
    }

    /**
     * Every symbol's sequence, for a read-model snapshot, on the outbound thread (the only
     * writer). The levels are not written: the open orders of the snapshot's order views
     * give them back ({@link #restoreResting}).
     */
    public void writeState(StateBuffer out) {
        for (SymbolDepth symbol : symbols) {
            out.putLong(symbol.sequence);
        }
    }

    /**
     * Reads what {@link #writeState} wrote into this empty book (at start, before any
     * event); {@code levelsWritten}: an older state, with each side's levels after the
     * sequence (a count, then price and quantity pairs), passed over.
     */
    public void readState(StateBuffer in, boolean levelsWritten) {
        for (SymbolDepth symbol : symbols) {
            long stamp = symbol.lock.writeLock();
            try {
                symbol.sequence = in.getLong();
            } finally {
                symbol.lock.unlockWrite(stamp);
            }
            for (int side = 0; levelsWritten && side < 2; side++) {
                for (int level = in.getInt(); level > 0; level--) {
                    in.getLong();
                    in.getLong();
                }
            }
        }
    }

    /** Copies both sides and returns the sequence: optimistically first, under the read lock if updates keep racing. */
    private static long copy(SymbolDepth symbol, long[] bidPrices, long[] bidQuantities, long[] askPrices, long[] askQuantities,
                             int[] counts) {
        for (int attempt = 0; attempt < OPTIMISTIC_TRIES; attempt++) {
            long stamp = symbol.lock.tryOptimisticRead();
            if (stamp != 0) {
                counts[0] = symbol.bids.copyTop(bidPrices, bidQuantities);
                counts[1] = symbol.asks.copyTop(askPrices, askQuantities);
                long sequence = symbol.sequence;
                if (symbol.lock.validate(stamp)) {
                    return sequence;
                }
            }
            Thread.onSpinWait();
        }
        long stamp = symbol.lock.readLock();
        try {
            counts[0] = symbol.bids.copyTop(bidPrices, bidQuantities);
            counts[1] = symbol.asks.copyTop(askPrices, askQuantities);
            return symbol.sequence;
        } finally {
            symbol.lock.unlockRead(stamp);
        }
    }

    /** An order's part of the book: what it has open on one side of a symbol at a price (0: none). */
    private static final class Part {
        private long orderId;
        private int symbolId;
        private Side side;
        private long price;
        private long leaves;

        void set(long id, int symbol, Side on, long at, long open) {
            orderId = id;
            symbolId = symbol;
            side = on;
            price = at;
            leaves = open;
        }

        void copy(Part other) {
            set(other.orderId, other.symbolId, other.side, other.price, other.leaves);
        }
    }

    /** One symbol's two sides, the sequence of their last change, and the lock that keeps the three consistent. */
    private static final class SymbolDepth {
        private final StampedLock lock = new StampedLock();
        private final Ladder bids = new Ladder(true);
        private final Ladder asks = new Ladder(false);
        private long sequence;
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

        /** Adds {@code delta} to the level at the price, creating or removing it; returns the level's new total. */
        long add(long price, long delta) {
            int index = find(price);
            if (index >= 0) {
                long qty = quantities[index] + delta;
                if (qty <= 0) { // 0: gone; below, only if the order views failed on an event (a listener failure in health)
                    System.arraycopy(prices, index + 1, prices, index, count - index - 1);
                    System.arraycopy(quantities, index + 1, quantities, index, count - index - 1);
                    count--;
                } else {
                    quantities[index] = qty;
                }
                return qty;
            }
            if (delta < 0) {
                return 0; // nothing to take from: as above
            }
            int insertAt = -index - 1;
            if (count == prices.length) {
                prices = Arrays.copyOf(prices, count * 2);
                quantities = Arrays.copyOf(quantities, count * 2);
            }
            System.arraycopy(prices, insertAt, prices, insertAt + 1, count - insertAt);
            System.arraycopy(quantities, insertAt, quantities, insertAt + 1, count - insertAt);
            prices[insertAt] = price;
            quantities[insertAt] = delta;
            count++;
            return delta;
        }

        /** Safe against a racing {@link #add} (the copy may then be torn, which the caller's validation catches). */
        int copyTop(long[] topPrices, long[] topQuantities) {
            long[] p = prices;
            long[] q = quantities;
            int n = Math.max(0, Math.min(Math.min(count, topPrices.length), Math.min(p.length, q.length)));
            System.arraycopy(p, 0, topPrices, 0, n);
            System.arraycopy(q, 0, topQuantities, 0, n);
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

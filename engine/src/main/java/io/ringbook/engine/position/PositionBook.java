package io.ringbook.engine.position;

import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.state.StateBuffer;

/**
 * Every account's position in every symbol, in one flat primitive array of cells
 * indexed {@code account * symbols + symbol}, {@value #CELL} longs a cell: quantity in
 * lots; cost basis, realized PnL and fees in tick-lots (price ticks times lots), so that
 * everything stays exact in longs.
 *
 * <p>The cost basis is signed (long positions positive). Reducing a position releases
 * its share of the basis, truncated toward zero (formed in 128 bits where the product
 * needs it); closing it completely releases all that is left, so the realized PnL of a
 * round trip back to flat is exact.
 *
 * <p>No amount ever wraps: {@link #fits} says whether a fill can be applied with every
 * result representable, and {@link #applyFill} refuses (changing nothing) one that
 * cannot. The matcher asks before each trade.
 */
public final class PositionBook {

    /** Longs per cell: quantity, cost basis, realized PnL, fees. */
    public static final int CELL = 4;
    private static final int QTY = 0;
    private static final int BASIS = 1;
    private static final int REALIZED = 2;
    private static final int FEES = 3;

    private final int symbols;
    private final long[] cells;
    private final long[] markPrice;

    public PositionBook(int accounts, int symbols) {
        this.symbols = symbols;
        this.cells = new long[accounts * symbols * CELL];
        this.markPrice = new long[symbols];
    }

    /**
     * Applies one fill: {@code signedLots} positive for a buy, negative for a sell.
     *
     * @return false, changing nothing, if a result would not fit in a long
     */
    public boolean applyFill(int account, int symbol, long signedLots, long price, long fee) {
        return apply(cells, at(account, symbol), signedLots, price, fee, true);
    }

    /** Whether {@link #applyFill} would succeed; changes nothing. */
    public boolean fits(int account, int symbol, long signedLots, long price, long fee) {
        return apply(cells, at(account, symbol), signedLots, price, fee, false);
    }

    /** Copies a cell into {@code into} at {@code offset}, for judging several fills before they happen. */
    public void copyCell(int account, int symbol, long[] into, int offset) {
        System.arraycopy(cells, at(account, symbol), into, offset, CELL);
    }

    /** {@link #fits} for a copied cell. */
    public static boolean fitsCopy(long[] cell, int offset, long signedLots, long price, long fee) {
        return apply(cell, offset, signedLots, price, fee, false);
    }

    /** {@link #applyFill} on a copied cell; false, changing nothing, if a result would not fit. */
    public static boolean applyToCopy(long[] cell, int offset, long signedLots, long price, long fee) {
        return apply(cell, offset, signedLots, price, fee, true);
    }

    private static boolean apply(long[] c, int at, long signedLots, long price, long fee, boolean write) {
        long position = c[at + QTY];
        long basis = c[at + BASIS];
        long realized = c[at + REALIZED];
        if (!Exact.sumFits(c[at + FEES], fee) || !Exact.productFits(signedLots, price) || signedLots * price == Long.MIN_VALUE) {
            return false;
        }
        long newQty;
        long newBasis;
        long newRealized = realized;
        if (position == 0 || (position > 0) == (signedLots > 0)) {
            if (!Exact.sumFits(position, signedLots) || position + signedLots == Long.MIN_VALUE
                    || !Exact.sumFits(basis, signedLots * price)) {
                return false;
            }
            newQty = position + signedLots;
            newBasis = basis + signedLots * price;
        } else {
            long size = Math.abs(position);
            long closing = Math.min(Math.abs(signedLots), size);
            long released = closing == size ? basis : (basis / size) * closing + Exact.mulDiv(basis % size, closing, size);
            long closingSigned = signedLots > 0 ? closing : -closing;
            long proceeds = -closingSigned * price;
            if (!Exact.differenceFits(proceeds, released) || !Exact.sumFits(realized, proceeds - released)) {
                return false;
            }
            newRealized = realized + proceeds - released;
            long opening = signedLots - closingSigned;
            newQty = position + signedLots;
            newBasis = basis - released + opening * price;
        }
        if (write) {
            c[at + QTY] = newQty;
            c[at + BASIS] = newBasis;
            c[at + REALIZED] = newRealized;
            c[at + FEES] += fee;
        }
        return true;
    }

    public void writeTo(StateBuffer out) {
        for (long value : cells) {
            out.putLong(value);
        }
        for (long mark : markPrice) {
            out.putLong(mark);
        }
    }

    /** Reads what {@link #writeTo} wrote into a book of the same shape. */
    public void readFrom(StateBuffer in) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = in.getLong();
        }
        for (int symbol = 0; symbol < markPrice.length; symbol++) {
            markPrice[symbol] = in.getLong();
        }
    }

    /** The reference price for unrealized PnL: the symbol's last trade price. */
    public void mark(int symbol, long price) {
        markPrice[symbol] = price;
    }

    public long qty(int account, int symbol) {
        return cells[at(account, symbol) + QTY];
    }

    public long costBasis(int account, int symbol) {
        return cells[at(account, symbol) + BASIS];
    }

    /** Realized PnL before fees (fees are kept apart, as the positions API reports them). */
    public long realizedPnl(int account, int symbol) {
        return cells[at(account, symbol) + REALIZED];
    }

    public long fees(int account, int symbol) {
        return cells[at(account, symbol) + FEES];
    }

    public long markPrice(int symbol) {
        return markPrice[symbol];
    }

    /**
     * Mark-to-market of the open position at the last trade price; 0 before the first
     * trade. A value beyond a long's range (a huge position far from its basis) is given
     * as {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE}, never wrapped.
     */
    public long unrealizedPnl(int account, int symbol) {
        int at = at(account, symbol);
        long mark = markPrice[symbol];
        if (mark == 0) {
            return 0;
        }
        return Exact.saturatedProductMinus(cells[at + QTY], mark, cells[at + BASIS]);
    }

    private int at(int account, int symbol) {
        return (account * symbols + symbol) * CELL;
    }
}

package io.ringbook.engine.position;

import io.ringbook.engine.state.StateBuffer;

/**
 * Every account's position in every symbol, in flat primitive arrays indexed
 * {@code account * symbols + symbol}. Quantities are lots; cost basis, PnL and fees are
 * tick-lots (price ticks times lots), so that everything stays exact in longs.
 *
 * <p>The cost basis is signed (long positions positive). Reducing a position releases
 * its share of the basis, truncated toward zero; closing it completely releases all
 * that is left, so the realized PnL of a round trip back to flat is exact.
 */
public final class PositionBook {

    private final int symbols;
    private final long[] qty;
    private final long[] costBasis;
    private final long[] realizedPnl;
    private final long[] fees;
    private final long[] markPrice;

    public PositionBook(int accounts, int symbols) {
        this.symbols = symbols;
        int cells = accounts * symbols;
        this.qty = new long[cells];
        this.costBasis = new long[cells];
        this.realizedPnl = new long[cells];
        this.fees = new long[cells];
        this.markPrice = new long[symbols];
    }

    /** Applies one fill: {@code signedLots} positive for a buy, negative for a sell. */
    public void applyFill(int account, int symbol, long signedLots, long price, long fee) {
        int cell = account * symbols + symbol;
        fees[cell] += fee;
        long position = qty[cell];
        if (position == 0 || (position > 0) == (signedLots > 0)) {
            qty[cell] = position + signedLots;
            costBasis[cell] += signedLots * price;
            return;
        }
        long closing = Math.min(Math.abs(signedLots), Math.abs(position));
        long basis = costBasis[cell];
        long released = closing == Math.abs(position)
                ? basis
                : (basis / Math.abs(position)) * closing + (basis % Math.abs(position)) * closing / Math.abs(position);
        long closingSigned = signedLots > 0 ? closing : -closing;
        realizedPnl[cell] += -closingSigned * price - released;
        costBasis[cell] = basis - released;
        long opening = signedLots - closingSigned;
        qty[cell] = position + closingSigned + opening;
        costBasis[cell] += opening * price;
    }

    public void writeTo(StateBuffer out) {
        for (int cell = 0; cell < qty.length; cell++) {
            out.putLong(qty[cell]);
            out.putLong(costBasis[cell]);
            out.putLong(realizedPnl[cell]);
            out.putLong(fees[cell]);
        }
        for (long mark : markPrice) {
            out.putLong(mark);
        }
    }

    /** Reads what {@link #writeTo} wrote into a book of the same shape. */
    public void readFrom(StateBuffer in) {
        for (int cell = 0; cell < qty.length; cell++) {
            qty[cell] = in.getLong();
            costBasis[cell] = in.getLong();
            realizedPnl[cell] = in.getLong();
            fees[cell] = in.getLong();
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
        return qty[account * symbols + symbol];
    }

    public long costBasis(int account, int symbol) {
        return costBasis[account * symbols + symbol];
    }

    /** Realized PnL before fees (fees are kept apart, as the positions API reports them). */
    public long realizedPnl(int account, int symbol) {
        return realizedPnl[account * symbols + symbol];
    }

    public long fees(int account, int symbol) {
        return fees[account * symbols + symbol];
    }

    public long markPrice(int symbol) {
        return markPrice[symbol];
    }

    /** Mark-to-market of the open position at the last trade price; 0 before the first trade. */
    public long unrealizedPnl(int account, int symbol) {
        int cell = account * symbols + symbol;
        long mark = markPrice[symbol];
        return mark == 0 ? 0 : qty[cell] * mark - costBasis[cell];
    }
}

package io.ringbook.engine.logic;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.position.PositionBook;

/**
 * The amounts a trade changes, and whether they stay representable before it happens:
 * its notional, both fees (exact, whatever the notional), the filled notional of both
 * orders and both accounts' positions (quantity, cost basis, realized PnL, fees). A
 * trade that would make any of them wrap is never made. It also judges a whole sweep
 * before it happens (a FOK order), trade by trade on scratch copies of the positions it
 * touches, since one sweep may fill several orders of one account.
 */
final class TradeAccounting {

    /** The trade can happen. */
    static final int FITS = 0;
    /** The incoming order's amounts or its account's position would overflow: it stops here. */
    static final int TAKER_OVERFLOWS = 1;
    /** The resting order's amounts or its account's position would overflow: it cannot trade. */
    static final int MAKER_OVERFLOWS = 2;

    private static final long PPM = 1_000_000;

    private final PositionBook positions;
    private final long[] makerFeePpm;
    private final long[] takerFeePpm;
    private final long[] scratch;
    private final long[] scratchSweep;
    private long sweep;
    private long sweepFilledNotional;

    TradeAccounting(SymbolTable symbols, int accounts, PositionBook positions) {
        this.positions = positions;
        this.makerFeePpm = new long[symbols.size()];
        this.takerFeePpm = new long[symbols.size()];
        for (int i = 0; i < symbols.size(); i++) {
            makerFeePpm[i] = symbols.get(i).makerFeePpm();
            takerFeePpm[i] = symbols.get(i).takerFeePpm();
        }
        this.scratch = new long[accounts * PositionBook.CELL];
        this.scratchSweep = new long[accounts];
    }

    long takerFee(int symbol, long notional) {
        return fee(notional, takerFeePpm[symbol]);
    }

    long makerFee(int symbol, long notional) {
        return fee(notional, makerFeePpm[symbol]);
    }

    /** Whether {@code taker} can trade {@code lots} at {@code price} with {@code maker}, as things stand. */
    int check(Order taker, Order maker, long price, long lots) {
        int symbol = taker.symbolId;
        if (!Exact.productFits(price, lots)) {
            return TAKER_OVERFLOWS;
        }
        long notional = price * lots;
        if (!Exact.sumFits(taker.filledNotional, notional)
                || !positions.fits(taker.accountId, symbol, taker.side.sign() * lots, price, takerFee(symbol, notional))) {
            return TAKER_OVERFLOWS;
        }
        if (!Exact.sumFits(maker.filledNotional, notional)
                || !positions.fits(maker.accountId, symbol, maker.side.sign() * lots, price, makerFee(symbol, notional))) {
            return MAKER_OVERFLOWS;
        }
        return FITS;
    }

    /** Starts judging a sweep of {@code taker} before it happens. */
    void startSweep(Order taker) {
        sweep++;
        sweepFilledNotional = taker.filledNotional;
    }

    /**
     * {@link #check} for the next trade of the sweep, with the sweep's earlier trades
     * applied; a trade that fits is applied to the scratch copies.
     */
    int sweepTrade(Order taker, Order maker, long price, long lots) {
        int symbol = taker.symbolId;
        if (!Exact.productFits(price, lots)) {
            return TAKER_OVERFLOWS;
        }
        long notional = price * lots;
        long takerFee = takerFee(symbol, notional);
        long makerFee = makerFee(symbol, notional);
        int takerCell = scratchCell(taker.accountId, symbol);
        int makerCell = scratchCell(maker.accountId, symbol);
        long takerLots = taker.side.sign() * lots;
        if (!Exact.sumFits(sweepFilledNotional, notional) || !PositionBook.fitsCopy(scratch, takerCell, takerLots, price, takerFee)) {
            return TAKER_OVERFLOWS;
        }
        if (!Exact.sumFits(maker.filledNotional, notional)
                || !PositionBook.fitsCopy(scratch, makerCell, -takerLots, price, makerFee)) {
            return MAKER_OVERFLOWS;
        }
        sweepFilledNotional += notional;
        PositionBook.applyToCopy(scratch, takerCell, takerLots, price, takerFee);
        PositionBook.applyToCopy(scratch, makerCell, -takerLots, price, makerFee);
        return FITS;
    }

    /** The account's scratch cell for this sweep, copied from the live position the first time the sweep touches it. */
    private int scratchCell(int account, int symbol) {
        int offset = account * PositionBook.CELL;
        if (scratchSweep[account] != sweep) {
            positions.copyCell(account, symbol, scratch, offset);
            scratchSweep[account] = sweep;
        }
        return offset;
    }

    /**
     * The fee on a notional for a rate of at most 100% either way, rounded up to a whole
     * tick-lot (a rebate, negative, rounds toward zero). Exact for any notional: the
     * notional is split at a million so that no product exceeds 63 bits, and the fee is
     * never larger than the notional.
     */
    static long fee(long notional, long ratePpm) {
        if (ratePpm == 0) {
            return 0;
        }
        long millions = notional / PPM;
        long rest = notional % PPM;
        return millions * ratePpm - Math.floorDiv(-rest * ratePpm, PPM);
    }
}

package io.ringbook.risk;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.position.PositionBook;

/**
 * An account's exposure as the limits measure it, read from the engine's live positions
 * and open orders. The worst-case position in a symbol is the larger in size of "every
 * open buy fills" and "every open sell fills"; valued at the symbol's reference price
 * and summed across symbols in common notional units, it gives the gross exposure.
 * Open orders count at their own prices only in a symbol that has no price yet.
 * Equity (realized PnL less fees plus mark-to-market) is what the daily loss limit
 * watches.
 */
final class ExposureMath {

    private final SymbolTable symbols;
    private final PositionBook positions;
    private final OpenExposure open;
    private final long[] configuredReference;

    ExposureMath(SymbolTable symbols, PositionBook positions, OpenExposure open, long[] configuredReference) {
        this.symbols = symbols;
        this.positions = positions;
        this.open = open;
        this.configuredReference = configuredReference;
    }

    /** The last trade price, else the configured reference, else 0. */
    long referencePrice(int symbol) {
        long mark = positions.markPrice(symbol);
        return mark != 0 ? mark : configuredReference[symbol];
    }

    /** The size of the position if this order and every open order on its side filled. */
    long projectedPosition(int account, int symbol, Side side, long lots) {
        long position = positions.qty(account, symbol);
        return side == Side.BUY
                ? Arithmetic.add(Math.max(0, Exact.saturatedSum(position, open.buyLots(account, symbol))), lots)
                : Arithmetic.add(Math.max(0, Exact.saturatedDifference(open.sellLots(account, symbol), position)), lots);
    }

    /** Whether the order can only bring the position toward flat, even if every open order on its side filled too. */
    boolean reduces(int account, int symbol, Side side, long lots) {
        long position = positions.qty(account, symbol);
        return side == Side.BUY
                ? position < 0 && Arithmetic.add(open.buyLots(account, symbol), lots) <= -position
                : position > 0 && Arithmetic.add(open.sellLots(account, symbol), lots) <= position;
    }

    /**
     * A symbol's worst-case exposure, with an extra order of {@code lots} at {@code orderPrice} on
     * {@code side} (0 lots for none), in notional units. Before the symbol has any price (no trade,
     * no configured reference) there is no position either, and open orders count at their own prices.
     */
    long exposure(int account, int symbol, Side side, long lots, long orderPrice) {
        long multiplier = symbols.notionalMultiplier(symbol);
        long price = referencePrice(symbol);
        if (price == 0) {
            long extra = Arithmetic.multiply(lots, orderPrice);
            long buys = Arithmetic.add(open.buyNotional(account, symbol), side == Side.BUY ? extra : 0);
            long sells = Arithmetic.add(open.sellNotional(account, symbol), side == Side.SELL ? extra : 0);
            return Arithmetic.multiply(Math.max(buys, sells), multiplier);
        }
        long position = positions.qty(account, symbol);
        long buys = Arithmetic.add(open.buyLots(account, symbol), side == Side.BUY ? lots : 0);
        long sells = Arithmetic.add(open.sellLots(account, symbol), side == Side.SELL ? lots : 0);
        long allBuysFilled = position >= 0 ? Arithmetic.add(position, buys) : Math.abs(position + buys);
        long allSellsFilled = position <= 0 ? Arithmetic.add(-position, sells) : Math.abs(position - sells);
        return Arithmetic.multiply(Arithmetic.multiply(Math.max(allBuysFilled, allSellsFilled), price), multiplier);
    }

    /** Gross exposure across symbols, given the order's own symbol's term (from {@link #exposure} with the order). */
    long grossExposure(int account, int orderSymbol, long orderTerm) {
        long gross = orderTerm;
        for (int symbol = 0; symbol < symbols.size(); symbol++) {
            if (symbol != orderSymbol) {
                gross = Arithmetic.add(gross, exposure(account, symbol, Side.BUY, 0, 0));
            }
        }
        return gross;
    }

    /**
     * Realized PnL less fees plus the mark-to-market of open positions, in notional units;
     * saturated at a long's range, never wrapped (an account that far out is over any loss
     * limit, or far from one).
     */
    long equity(int account) {
        long equity = 0;
        for (int symbol = 0; symbol < symbols.size(); symbol++) {
            long pnl = Exact.saturatedSum(Exact.saturatedDifference(positions.realizedPnl(account, symbol),
                    positions.fees(account, symbol)), positions.unrealizedPnl(account, symbol));
            equity = Exact.saturatedSum(equity, Exact.saturatedProductMinus(pnl, symbols.notionalMultiplier(symbol), 0));
        }
        return equity;
    }
}

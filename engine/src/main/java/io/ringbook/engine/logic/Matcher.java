package io.ringbook.engine.logic;

import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.OrderBook;
import io.ringbook.engine.book.PriceLevel;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.position.PositionBook;

/**
 * Price-time matching of one incoming order against the opposite side of its book:
 * best price first, oldest order first at a price, each trade at the resting order's
 * price, until the incoming order is filled or its limit stops it. Self-trades are
 * prevented by the incoming order's {@link StpMode}. A MARKET order with a collar
 * (from the price band) trades only up to it. Before each trade pre-trade risk may stop
 * the order (the volatility breaker). A trade whose amounts could not be represented
 * ({@link TradeAccounting}) is never made: it stops the incoming order, or cancels the
 * resting one, for {@link CancelReason#UNREPRESENTABLE}. Every trade updates both
 * positions and is reported for both orders (taker first) and for the price level.
 */
final class Matcher {

    private final WorkingOrders working;
    private final PositionBook positions;
    private final ExecutionReporter reporter;
    private final PreTradeCheck risk;
    private final TradeAccounting accounting;
    private long lastTradeId;

    Matcher(SymbolTable symbols, int accounts, WorkingOrders working, PositionBook positions, ExecutionReporter reporter,
            PreTradeCheck risk) {
        this.working = working;
        this.positions = positions;
        this.reporter = reporter;
        this.risk = risk;
        this.accounting = new TradeAccounting(symbols, accounts, positions);
    }

    /**
     * Trades {@code taker} (not on the book) as far as it goes.
     *
     * @param collar a MARKET order's worst price, 0 for none
     * @param nowNanos the command's event time
     * @return {@link CancelReason#SELF_TRADE} if self-trade prevention ended the incoming
     * order, {@link CancelReason#BREAKER_OPEN} if risk stopped it,
     * {@link CancelReason#UNREPRESENTABLE} if its next trade could not be counted (the
     * caller cancels it), else {@link CancelReason#NONE}
     */
    CancelReason match(Order taker, long collar, long nowNanos) {
        OrderBook book = working.book(taker.symbolId);
        BookSide opposite = book.side(taker.side.opposite());
        long limitPrice = limitPrice(taker, collar);
        while (taker.leavesQty() > 0) {
            PriceLevel level = opposite.best();
            if (level == null || (limitPrice != 0 && !opposite.reachable(level.price(), limitPrice))) {
                break;
            }
            Order maker = level.head();
            if (maker.accountId == taker.accountId) {
                risk.selfTradePrevented(taker.accountId);
                if (taker.stpMode != StpMode.CANCEL_INCOMING) {
                    working.cancel(maker, CancelReason.SELF_TRADE);
                }
                if (taker.stpMode != StpMode.CANCEL_RESTING) {
                    return CancelReason.SELF_TRADE;
                }
                continue;
            }
            long lots = Math.min(taker.leavesQty(), maker.leavesQty());
            int overflow = accounting.check(taker, maker, level.price(), lots);
            if (overflow == TradeAccounting.TAKER_OVERFLOWS) {
                return CancelReason.UNREPRESENTABLE;
            }
            if (overflow == TradeAccounting.MAKER_OVERFLOWS) {
                working.cancel(maker, CancelReason.UNREPRESENTABLE);
                continue;
            }
            if (!risk.tradeAllowed(taker.symbolId, level.price(), nowNanos)) {
                return CancelReason.BREAKER_OPEN;
            }
            trade(book, taker, maker, level.price(), lots, nowNanos);
        }
        return CancelReason.NONE;
    }

    /** The price an order may not trade beyond: its limit, a MARKET order's collar, or 0 for none. */
    private static long limitPrice(Order order, long collar) {
        return order.type == OrderType.LIMIT ? order.price : collar;
    }

    /**
     * Whether a FOK order would fill completely, judged before any trade by the same rules
     * {@link #match} applies: the quantity it could reach within its limit (or collar),
     * counting only other accounts' orders, stopping at the first own order when its STP
     * mode would end the incoming order there, passing over resting orders that could not
     * trade ({@link TradeAccounting}), failing where the incoming order's own amounts
     * could not be counted, and with every trade of the sweep allowed by the volatility
     * check.
     */
    boolean canFillCompletely(Order taker, long collar, long nowNanos) {
        BookSide opposite = working.book(taker.symbolId).side(taker.side.opposite());
        long limitPrice = limitPrice(taker, collar);
        long wanted = taker.leavesQty();
        long firstPrice = 0;
        accounting.startSweep(taker);
        for (int depth = 0; depth < opposite.levelCount(); depth++) {
            PriceLevel level = opposite.level(depth);
            if (limitPrice != 0 && !opposite.reachable(level.price(), limitPrice)) {
                return false;
            }
            for (Order maker = level.head(); maker != null; maker = maker.nextInLevel()) {
                if (maker.accountId == taker.accountId) {
                    if (taker.stpMode != StpMode.CANCEL_RESTING) {
                        return false;
                    }
                } else {
                    long lots = Math.min(wanted, maker.leavesQty());
                    int overflow = accounting.sweepTrade(taker, maker, level.price(), lots);
                    if (overflow == TradeAccounting.TAKER_OVERFLOWS) {
                        return false;
                    }
                    if (overflow == TradeAccounting.MAKER_OVERFLOWS) {
                        continue;
                    }
                    firstPrice = firstPrice == 0 ? level.price() : firstPrice;
                    wanted -= lots;
                    if (wanted == 0) {
                        return risk.sweepAllowed(taker.symbolId, firstPrice, level.price(), nowNanos);
                    }
                }
            }
        }
        return false;
    }

    /** The last trade id given out. */
    long lastTradeId() {
        return lastTradeId;
    }

    void restoreLastTradeId(long tradeId) {
        lastTradeId = tradeId;
    }

    private void trade(OrderBook book, Order taker, Order maker, long price, long lots, long nowNanos) {
        long tradeId = ++lastTradeId;
        int symbol = taker.symbolId;
        long notional = price * lots;
        long takerFee = accounting.takerFee(symbol, notional);
        long makerFee = accounting.makerFee(symbol, notional);
        book.fillIncoming(taker, price, lots);
        book.fillResting(maker, lots);
        working.store().leavesChanged(taker, -lots);
        working.store().leavesChanged(maker, -lots);
        positions.applyFill(taker.accountId, symbol, taker.side.sign() * lots, price, takerFee);
        positions.applyFill(maker.accountId, symbol, maker.side.sign() * lots, price, makerFee);
        positions.mark(symbol, price);
        reporter.filled(taker, tradeId, price, lots, takerFee, Liquidity.TAKER);
        reporter.filled(maker, tradeId, price, lots, makerFee, Liquidity.MAKER);
        if (maker.leavesQty() == 0) {
            working.store().close(maker);
        }
        boolean takerBuys = taker.side.sign() > 0;
        risk.traded(symbol, price, takerBuys ? taker.accountId : maker.accountId, takerBuys ? maker.accountId : taker.accountId,
                nowNanos);
    }
}

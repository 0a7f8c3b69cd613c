package io.ringbook.risk;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RiskSettings;

/**
 * The ordered pre-trade checks. A new order passes, in this order: kill switches, symbol
 * halt, the symbol's volatility breaker, trading hours, the account's reject-storm
 * breaker, max order qty, price band, max order notional, throttle, open-order counts
 * (the account's, per symbol, then the venue's), and, unless it can only reduce the
 * position, max position, gross notional, concentration and the daily-loss breaker. The
 * first that fails is the reject reason. Amends pass the same checks that make sense
 * for a change of an order already counted. Cheap checks come first, and the ones that
 * sum across symbols run only when their limit is set. One place for the order, so that
 * the reject reason a client sees is the first rule it broke.
 */
final class PreTradeChecks {

    private final SymbolTable symbols;
    private final OperatorControls controls;
    private final Breakers breakers;
    private final ExposureMath exposure;
    private final OpenExposure open;
    private final OrderThrottle throttle;
    private final long[] bandBps;
    private final TradingHours[] hours;

    PreTradeChecks(RiskSettings settings, SymbolTable symbols, OperatorControls controls, Breakers breakers, ExposureMath exposure,
                   OpenExposure open, OrderThrottle throttle) {
        this.symbols = symbols;
        this.controls = controls;
        this.breakers = breakers;
        this.exposure = exposure;
        this.open = open;
        this.throttle = throttle;
        int symbolCount = symbols.size();
        this.bandBps = new long[symbolCount];
        this.hours = new TradingHours[symbolCount];
        for (int s = 0; s < symbolCount; s++) {
            bandBps[s] = settings.symbols().get(s).priceBandBps();
            hours[s] = symbols.get(s).tradingHours();
        }
    }

    RejectReason newOrder(Command c) {
        int account = c.accountId;
        int symbol = c.symbolId;
        RejectReason common = tradingAllowed(account, symbol, c.eventTimeNanos);
        if (common != RejectReason.NONE) {
            return common;
        }
        if (breakers.rejectStormBlocks(account)) {
            return RejectReason.BREAKER_OPEN;
        }
        AccountLimits limit = controls.limits(account);
        RejectReason order = orderLimits(limit, symbol, c.orderType, c.price, c.qty);
        if (order != RejectReason.NONE) {
            return order;
        }
        if (!throttle.tryAcquire(account, c.eventTimeNanos, limit.maxOrdersPerSecond())) {
            return RejectReason.THROTTLED;
        }
        if (open.openOrders(account) >= limit.maxOpenOrders() || open.openOrders(account, symbol) >= limit.maxOpenOrdersPerSymbol()
                || open.openOrders() >= controls.venueMaxOpenOrders()) {
            return RejectReason.MAX_OPEN_ORDERS;
        }
        return growthLimits(limit, account, symbol, c.side, c.qty, c.orderType == OrderType.LIMIT ? c.price : 0);
    }

    RejectReason amend(Command amend, Order order) {
        RejectReason common = tradingAllowed(order.accountId, order.symbolId, amend.eventTimeNanos);
        if (common != RejectReason.NONE) {
            return common;
        }
        long newPrice = amend.price == 0 ? order.price : amend.price;
        long newQty = amend.qty == 0 ? order.qty : amend.qty;
        AccountLimits limit = controls.limits(order.accountId);
        RejectReason changed = orderLimits(limit, order.symbolId, order.type, newPrice, newQty);
        if (changed != RejectReason.NONE) {
            return changed;
        }
        long addedLots = newQty - order.qty;
        if (addedLots > 0) {
            return growthLimits(limit, order.accountId, order.symbolId, order.side, addedLots, newPrice);
        }
        return RejectReason.NONE;
    }

    /** The worst price an accepted MARKET order may trade at: the reference price moved by the band, or 0 for none. */
    long marketCollar(int symbol, Side side) {
        long reference = exposure.referencePrice(symbol);
        long band = bandBps[symbol];
        if (band == AccountLimits.UNLIMITED || reference == 0) {
            return 0;
        }
        long width = Arithmetic.multiply(reference, band) / 10_000;
        return side == Side.BUY ? Arithmetic.add(reference, width) : Math.max(1, reference - width);
    }

    private RejectReason tradingAllowed(int account, int symbol, long now) {
        if (controls.killed(account)) {
            return RejectReason.KILL_SWITCH;
        }
        if (controls.halted(symbol)) {
            return RejectReason.SYMBOL_HALTED;
        }
        if (breakers.volatilityBlocks(symbol)) {
            return RejectReason.BREAKER_OPEN;
        }
        if (!hours[symbol].isOpen(now)) {
            return RejectReason.MARKET_CLOSED;
        }
        return RejectReason.NONE;
    }

    /** Checks of the order alone: its size, its price against the band, its notional. */
    private RejectReason orderLimits(AccountLimits limit, int symbol, OrderType type, long price, long qty) {
        if (qty > limit.maxOrderQty().of(symbol)) {
            return RejectReason.MAX_ORDER_QTY;
        }
        long reference = exposure.referencePrice(symbol);
        if (type == OrderType.LIMIT && reference != 0 && bandBps[symbol] != AccountLimits.UNLIMITED
                && Arithmetic.exceedsShare(Math.abs(price - reference), reference, bandBps[symbol])) {
            return RejectReason.PRICE_BAND;
        }
        long valuedAt = type == OrderType.LIMIT ? price : reference;
        long notional = Arithmetic.multiply(Arithmetic.multiply(valuedAt, qty), symbols.notionalMultiplier(symbol));
        if (notional > limit.maxOrderNotional()) {
            return RejectReason.MAX_NOTIONAL;
        }
        return RejectReason.NONE;
    }

    /** Checks of what the order adds to the account's exposure; an order that can only reduce it passes. */
    private RejectReason growthLimits(AccountLimits limit, int account, int symbol, Side side, long lots, long price) {
        if (exposure.reduces(account, symbol, side, lots)) {
            return RejectReason.NONE;
        }
        if (exposure.projectedPosition(account, symbol, side, lots) > limit.maxPosition().of(symbol)) {
            return RejectReason.MAX_POSITION;
        }
        boolean concentrationLimited = limit.maxConcentrationBps() != AccountLimits.UNLIMITED;
        if (limit.maxGrossNotional() != AccountLimits.UNLIMITED || concentrationLimited) {
            long own = exposure.exposure(account, symbol, side, lots, price);
            long gross = exposure.grossExposure(account, symbol, own);
            if (gross > limit.maxGrossNotional()) {
                return RejectReason.MAX_GROSS_NOTIONAL;
            }
            if (concentrationLimited && gross > limit.concentrationMinGross()
                    && Arithmetic.exceedsShare(own, gross, limit.maxConcentrationBps())) {
                return RejectReason.MAX_CONCENTRATION;
            }
        }
        if (breakers.dailyLossBlocks(account)) {
            return RejectReason.DAILY_LOSS_LIMIT;
        }
        return RejectReason.NONE;
    }
}

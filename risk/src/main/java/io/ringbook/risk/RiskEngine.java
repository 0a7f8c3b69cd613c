package io.ringbook.risk;

import io.ringbook.engine.book.OpenExposure;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.logic.RiskContext;
import io.ringbook.engine.logic.RiskEvents;
import io.ringbook.engine.state.StateBuffer;

/**
 * Pre-trade risk on the business-logic thread. Every new order passes, in this order:
 * kill switches, symbol halt, the symbol's volatility breaker, trading hours, the
 * account's reject-storm breaker, max order qty, price band, max order notional,
 * throttle, open-order counts, and, unless it can only reduce the position, max
 * position, gross notional, concentration and the daily-loss breaker. The first that
 * fails is the reject reason. Amends pass the same checks that make sense for a change
 * of an order already counted. Cheap checks come first, and the ones that sum across
 * symbols run only when their limit is set.
 *
 * <p>Everything is decided from the command's event time and the engine's live state, in
 * fixed loops over dense arrays: replaying the same commands gives the same decisions.
 * Breaker cool-downs, the trading-day roll and loss limits move on clock ticks.
 */
public final class RiskEngine implements PreTradeCheck {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final SymbolTable symbols;
    private final int accounts;
    private final RiskContext engine;
    private final RiskEvents report;
    private final RiskBoard board;
    private final ExposureMath exposure;
    private final OpenExposure open;
    private final long[] bandBps;
    private final long[] volatilityMoveBps;
    private final TradingHours[] hours;
    private final PriceWindow[] priceWindows;
    private final CircuitBreaker[] volatility;
    private final CircuitBreaker[] rejectStorm;
    private final CircuitBreaker[] dailyLoss;
    private final RejectCounter[] rejects;
    private final long rejectWindowNanos;
    private final OrderThrottle throttle;
    private final AccountLimits[] limits;
    private final boolean[] halted;
    private final boolean[] killed;
    private final long[] killedSince;
    private boolean globalKill;
    private long globalKillSince;
    private final long[] dayStartEquity;
    private long day = Long.MIN_VALUE;
    private final long[] selfTradeCancels;

    public RiskEngine(RiskSettings settings, RiskContext engine, RiskBoard board) {
        this.symbols = engine.symbols();
        this.accounts = engine.accounts();
        this.engine = engine;
        this.report = engine.report();
        this.board = board;
        this.open = engine.exposure();
        int symbolCount = symbols.size();
        this.bandBps = new long[symbolCount];
        this.volatilityMoveBps = new long[symbolCount];
        this.hours = new TradingHours[symbolCount];
        this.priceWindows = new PriceWindow[symbolCount];
        this.volatility = new CircuitBreaker[symbolCount];
        long[] reference = new long[symbolCount];
        for (int s = 0; s < symbolCount; s++) {
            SymbolRisk risk = settings.symbols().get(s);
            bandBps[s] = risk.priceBandBps();
            reference[s] = risk.referencePrice();
            volatilityMoveBps[s] = risk.volatilityMoveBps();
            hours[s] = symbols.get(s).tradingHours();
            priceWindows[s] = new PriceWindow(risk.volatilityWindowNanos());
            volatility[s] = new CircuitBreaker(BreakerKind.VOLATILITY, s, risk.breaker(), true, report, board);
        }
        this.exposure = new ExposureMath(symbols, engine.positions(), open, reference);
        this.rejectStorm = new CircuitBreaker[accounts];
        this.dailyLoss = new CircuitBreaker[accounts];
        this.rejects = new RejectCounter[accounts];
        this.rejectWindowNanos = settings.rejectStorm().windowNanos();
        for (int a = 0; a < accounts; a++) {
            rejectStorm[a] = new CircuitBreaker(BreakerKind.REJECT_STORM, a, settings.rejectStorm().breaker(), true, report, board);
            dailyLoss[a] = new CircuitBreaker(BreakerKind.DAILY_LOSS, a, BreakerSettings.DEFAULT, false, report, board);
            rejects[a] = new RejectCounter(settings.rejectStorm().rejects());
        }
        this.throttle = new OrderThrottle(accounts);
        this.limits = settings.accounts().toArray(new AccountLimits[0]);
        this.halted = new boolean[symbolCount];
        this.killed = new boolean[accounts];
        this.killedSince = new long[accounts];
        this.dayStartEquity = new long[accounts];
        this.selfTradeCancels = new long[accounts];
    }

    /** The factory the business logic calls, for one board that outlives the engines built on it. */
    public static Factory factory(RiskSettings settings, RiskBoard board) {
        return context -> new RiskEngine(settings, context, board);
    }

    @Override
    public RejectReason checkNewOrder(Command c) {
        long now = c.eventTimeNanos;
        rollDay(now);
        int account = c.accountId;
        int symbol = c.symbolId;
        RejectReason common = tradingAllowed(account, symbol, now);
        if (common != RejectReason.NONE) {
            return common;
        }
        if (rejectStorm[account].blocks()) {
            return RejectReason.BREAKER_OPEN;
        }
        AccountLimits limit = limits[account];
        RejectReason order = orderLimits(limit, symbol, c.orderType, c.price, c.qty);
        if (order != RejectReason.NONE) {
            return order;
        }
        if (!throttle.tryAcquire(account, now, limit.maxOrdersPerSecond())) {
            return RejectReason.THROTTLED;
        }
        if (open.openOrders(account) >= limit.maxOpenOrders() || open.openOrders(account, symbol) >= limit.maxOpenOrdersPerSymbol()) {
            return RejectReason.MAX_OPEN_ORDERS;
        }
        RejectReason growth = growthLimits(limit, account, symbol, c.side, c.qty, c.orderType == OrderType.LIMIT ? c.price : 0);
        if (growth != RejectReason.NONE) {
            return growth;
        }
        return RejectReason.NONE;
    }

    /** Counted here, not when risk passes the order: a probe is an order that got past matching's checks too. */
    @Override
    public void orderAccepted(int accountId, int symbolId) {
        volatility[symbolId].admitted();
        rejectStorm[accountId].admitted();
    }

    @Override
    public RejectReason checkAmend(Command amend, Order order) {
        long now = amend.eventTimeNanos;
        rollDay(now);
        RejectReason common = tradingAllowed(order.accountId, order.symbolId, now);
        if (common != RejectReason.NONE) {
            return common;
        }
        long newPrice = amend.price == 0 ? order.price : amend.price;
        long newQty = amend.qty == 0 ? order.qty : amend.qty;
        AccountLimits limit = limits[order.accountId];
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

    @Override
    public long marketCollar(int symbolId, Side side) {
        long reference = exposure.referencePrice(symbolId);
        long band = bandBps[symbolId];
        if (band == AccountLimits.UNLIMITED || reference == 0) {
            return 0;
        }
        long width = Arithmetic.multiply(reference, band) / 10_000;
        return side == Side.BUY ? Arithmetic.add(reference, width) : Math.max(1, reference - width);
    }

    @Override
    public boolean tradeAllowed(int symbolId, long price, long nowNanos) {
        long move = volatilityMoveBps[symbolId];
        if (move == AccountLimits.UNLIMITED || !priceWindows[symbolId].movesBeyond(price, nowNanos, move, exposure.referencePrice(symbolId))) {
            return true;
        }
        tripVolatility(symbolId, nowNanos);
        return false;
    }

    @Override
    public boolean sweepAllowed(int symbolId, long firstPrice, long lastPrice, long nowNanos) {
        long move = volatilityMoveBps[symbolId];
        return move == AccountLimits.UNLIMITED
                || !priceWindows[symbolId].sweepMovesBeyond(firstPrice, lastPrice, nowNanos, move, exposure.referencePrice(symbolId));
    }

    @Override
    public void traded(int symbolId, long price, int buyAccount, int sellAccount, long nowNanos) {
        if (volatilityMoveBps[symbolId] != AccountLimits.UNLIMITED) {
            priceWindows[symbolId].add(price, nowNanos);
        }
        checkLoss(buyAccount, nowNanos);
        checkLoss(sellAccount, nowNanos);
    }

    @Override
    public void orderRejected(int accountId, RejectReason reason, long nowNanos) {
        if (reason == RejectReason.BREAKER_OPEN || reason == RejectReason.KILL_SWITCH
                || rejectStorm[accountId].state() == BreakerState.OPEN) {
            return;
        }
        if (rejects[accountId].reject(nowNanos, rejectWindowNanos)) {
            rejects[accountId].clear();
            rejectStorm[accountId].trip(nowNanos);
        }
    }

    @Override
    public void selfTradePrevented(int accountId) {
        selfTradeCancels[accountId]++;
        board.selfTradeCancels(accountId, selfTradeCancels[accountId]);
    }

    @Override
    public void clockTick(long nowNanos) {
        rollDay(nowNanos);
        for (CircuitBreaker breaker : volatility) {
            breaker.tick(nowNanos);
        }
        for (int account = 0; account < accounts; account++) {
            rejectStorm[account].tick(nowNanos);
            checkLoss(account, nowNanos);
        }
    }

    @Override
    public void control(Command c) {
        switch (c.type) {
            case HALT_SYMBOL, RESUME_SYMBOL -> halt(c.symbolId, c.type == CommandType.HALT_SYMBOL);
            case TRIP_BREAKER, RESET_BREAKER -> breaker(c);
            case KILL_SWITCH -> killSwitch(c.accountId, c.eventTimeNanos);
            case RELEASE_KILL_SWITCH -> releaseKillSwitch(c.accountId);
            case SET_LIMITS -> setLimits(c.accountId, c.limits);
            default -> throw new IllegalArgumentException("not a control command: " + c.type);
        }
    }

    private RejectReason tradingAllowed(int account, int symbol, long now) {
        if (globalKill || killed[account]) {
            return RejectReason.KILL_SWITCH;
        }
        if (halted[symbol]) {
            return RejectReason.SYMBOL_HALTED;
        }
        if (volatility[symbol].blocks()) {
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
        if (dailyLoss[account].blocks()) {
            return RejectReason.DAILY_LOSS_LIMIT;
        }
        return RejectReason.NONE;
    }

    private void tripVolatility(int symbol, long now) {
        priceWindows[symbol].clear();
        volatility[symbol].trip(now);
    }

    private void checkLoss(int account, long now) {
        long limit = limits[account].dailyLossLimit();
        if (limit == AccountLimits.UNLIMITED || dailyLoss[account].state() != BreakerState.CLOSED) {
            return;
        }
        if (Exact.saturatedDifference(dayStartEquity[account], exposure.equity(account)) > limit) {
            dailyLoss[account].trip(now);
        }
    }

    /** At the first event of a new UTC day: equity baselines move to now and daily-loss breakers close. */
    private void rollDay(long now) {
        long today = Math.floorDiv(now, NANOS_PER_DAY);
        if (today == day) {
            return;
        }
        day = today;
        for (int account = 0; account < accounts; account++) {
            dayStartEquity[account] = exposure.equity(account);
            if (dailyLoss[account].state() != BreakerState.CLOSED) {
                dailyLoss[account].reset();
            }
        }
    }

    private void halt(int symbol, boolean halt) {
        if (symbol < 0 || symbol >= halted.length) {
            report.controlRejected();
            return;
        }
        halted[symbol] = halt;
        board.halted(symbol, halt);
        report.symbolStatus(symbol, halt);
    }

    private void breaker(Command c) {
        if (c.breakerKind == null) {
            report.controlRejected();
            return;
        }
        int target = c.breakerKind.perAccount() ? c.accountId : c.symbolId;
        CircuitBreaker[] ofKind = switch (c.breakerKind) {
            case VOLATILITY -> volatility;
            case REJECT_STORM -> rejectStorm;
            case DAILY_LOSS -> dailyLoss;
        };
        if (target < 0 || target >= ofKind.length) {
            report.controlRejected();
            return;
        }
        if (c.type == CommandType.TRIP_BREAKER) {
            if (c.breakerKind == BreakerKind.VOLATILITY) {
                tripVolatility(target, c.eventTimeNanos);
            } else {
                ofKind[target].trip(c.eventTimeNanos);
            }
        } else {
            if (c.breakerKind == BreakerKind.REJECT_STORM) {
                rejects[target].clear();
            }
            ofKind[target].reset();
        }
    }

    private void killSwitch(int account, long now) {
        if (account >= accounts) {
            report.controlRejected();
            return;
        }
        if (account < 0) {
            globalKillSince = globalKill ? globalKillSince : now;
            globalKill = true;
            board.killSwitch(-1, true, globalKillSince);
        } else {
            killedSince[account] = killed[account] ? killedSince[account] : now;
            killed[account] = true;
            board.killSwitch(account, true, killedSince[account]);
        }
        int canceled = engine.cancelAll(account < 0 ? -1 : account, CancelReason.KILL_SWITCH);
        report.killSwitch(account < 0 ? -1 : account, true, canceled);
    }

    private void releaseKillSwitch(int account) {
        if (account >= accounts) {
            report.controlRejected();
            return;
        }
        if (account < 0) {
            globalKill = false;
            board.killSwitch(-1, false, 0);
        } else {
            killed[account] = false;
            board.killSwitch(account, false, 0);
        }
        report.killSwitch(account < 0 ? -1 : account, false, 0);
    }

    private void setLimits(int account, AccountLimits newLimits) {
        if (account < 0 || account >= accounts || newLimits == null || newLimits.maxOrderQty().symbols() != symbols.size()) {
            report.controlRejected();
            return;
        }
        limits[account] = newLimits;
        board.limits(account, newLimits);
        report.limitsChanged(account, newLimits);
    }

    @Override
    public void writeState(StateBuffer out) {
        out.putLong(day);
        out.putInt(globalKill ? 1 : 0);
        out.putLong(globalKillSince);
        for (int s = 0; s < halted.length; s++) {
            out.putInt(halted[s] ? 1 : 0);
            volatility[s].writeTo(out);
            priceWindows[s].writeTo(out);
        }
        for (int a = 0; a < accounts; a++) {
            out.putInt(killed[a] ? 1 : 0);
            out.putLong(killedSince[a]);
            out.putLong(dayStartEquity[a]);
            out.putLong(selfTradeCancels[a]);
            rejectStorm[a].writeTo(out);
            dailyLoss[a].writeTo(out);
            rejects[a].writeTo(out);
            LimitsState.write(out, limits[a]);
        }
        throttle.writeTo(out);
    }

    @Override
    public void readState(StateBuffer in) {
        day = in.getLong();
        globalKill = in.getInt() != 0;
        globalKillSince = in.getLong();
        board.killSwitch(-1, globalKill, globalKill ? globalKillSince : 0);
        for (int s = 0; s < halted.length; s++) {
            halted[s] = in.getInt() != 0;
            board.halted(s, halted[s]);
            volatility[s].readFrom(in);
            priceWindows[s].readFrom(in);
        }
        for (int a = 0; a < accounts; a++) {
            killed[a] = in.getInt() != 0;
            killedSince[a] = in.getLong();
            board.killSwitch(a, killed[a], killed[a] ? killedSince[a] : 0);
            dayStartEquity[a] = in.getLong();
            selfTradeCancels[a] = in.getLong();
            board.selfTradeCancels(a, selfTradeCancels[a]);
            rejectStorm[a].readFrom(in);
            dailyLoss[a].readFrom(in);
            rejects[a].readFrom(in);
            limits[a] = LimitsState.read(in, symbols.size());
            board.limits(a, limits[a]);
        }
        throttle.readFrom(in);
    }
}

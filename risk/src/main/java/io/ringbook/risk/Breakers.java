package io.ringbook.risk;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.Exact;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.logic.RiskEvents;
import io.ringbook.engine.state.StateBuffer;

/**
 * The circuit breakers and what trips them: per symbol the volatility breaker over its
 * window of trade prices, per account the reject-storm breaker over its recent rejects
 * and the daily-loss breaker against the equity the account had when the UTC day began
 * (the trading-day roll lives here, since only this breaker needs it). The checks ask
 * whether a breaker blocks; matching's trades, rejects, clock ticks and operators move
 * them, all at event time.
 */
final class Breakers {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final int accounts;
    private final RiskEvents report;
    private final ExposureMath exposure;
    private final OperatorControls controls;
    private final long[] volatilityMoveBps;
    private final PriceWindow[] priceWindows;
    private final CircuitBreaker[] volatility;
    private final CircuitBreaker[] rejectStorm;
    private final CircuitBreaker[] dailyLoss;
    private final RejectCounter[] rejects;
    private final long rejectWindowNanos;
    private final long[] dayStartEquity;
    private long day = Long.MIN_VALUE;

    Breakers(RiskSettings settings, ExposureMath exposure, OperatorControls controls, RiskEvents report, RiskBoard board) {
        int symbols = settings.symbols().size();
        this.accounts = settings.accounts().size();
        this.report = report;
        this.exposure = exposure;
        this.controls = controls;
        this.volatilityMoveBps = new long[symbols];
        this.priceWindows = new PriceWindow[symbols];
        this.volatility = new CircuitBreaker[symbols];
        for (int s = 0; s < symbols; s++) {
            SymbolRisk risk = settings.symbols().get(s);
            volatilityMoveBps[s] = risk.volatilityMoveBps();
            priceWindows[s] = new PriceWindow(risk.volatilityWindowNanos());
            volatility[s] = new CircuitBreaker(BreakerKind.VOLATILITY, s, risk.breaker(), true, report, board);
        }
        this.rejectStorm = new CircuitBreaker[accounts];
        this.dailyLoss = new CircuitBreaker[accounts];
        this.rejects = new RejectCounter[accounts];
        this.rejectWindowNanos = settings.rejectStorm().windowNanos();
        for (int a = 0; a < accounts; a++) {
            rejectStorm[a] = new CircuitBreaker(BreakerKind.REJECT_STORM, a, settings.rejectStorm().breaker(), true, report, board);
            dailyLoss[a] = new CircuitBreaker(BreakerKind.DAILY_LOSS, a, BreakerSettings.DEFAULT, false, report, board);
            rejects[a] = new RejectCounter(settings.rejectStorm().rejects());
        }
        this.dayStartEquity = new long[accounts];
    }

    boolean volatilityBlocks(int symbol) {
        return volatility[symbol].blocks();
    }

    boolean rejectStormBlocks(int account) {
        return rejectStorm[account].blocks();
    }

    boolean dailyLossBlocks(int account) {
        return dailyLoss[account].blocks();
    }

    /** Counted when an order passed every check, risk's and matching's: only such an order is a probe. */
    void orderAccepted(int account, int symbol) {
        volatility[symbol].admitted();
        rejectStorm[account].admitted();
    }

    /** False, after opening the symbol's breaker, if a trade at {@code price} moves beyond what the breaker allows. */
    boolean tradeAllowed(int symbol, long price, long now) {
        long move = volatilityMoveBps[symbol];
        if (move == AccountLimits.UNLIMITED || !priceWindows[symbol].movesBeyond(price, now, move, exposure.referencePrice(symbol))) {
            return true;
        }
        tripVolatility(symbol, now);
        return false;
    }

    boolean sweepAllowed(int symbol, long firstPrice, long lastPrice, long now) {
        long move = volatilityMoveBps[symbol];
        return move == AccountLimits.UNLIMITED
                || !priceWindows[symbol].sweepMovesBeyond(firstPrice, lastPrice, now, move, exposure.referencePrice(symbol));
    }

    void traded(int symbol, long price, int buyAccount, int sellAccount, long now) {
        if (volatilityMoveBps[symbol] != AccountLimits.UNLIMITED) {
            priceWindows[symbol].add(price, now);
        }
        checkLoss(buyAccount, now);
        checkLoss(sellAccount, now);
    }

    /** A reject counts toward the account's storm unless a breaker or a kill switch caused it, or the storm is already open. */
    void orderRejected(int account, boolean countable, long now) {
        if (!countable || rejectStorm[account].state() == BreakerState.OPEN) {
            return;
        }
        if (rejects[account].reject(now, rejectWindowNanos)) {
            rejects[account].clear();
            rejectStorm[account].trip(now);
        }
    }

    /** Cool-downs end and loss limits are judged; the day rolls first. */
    void clockTick(long now) {
        rollDay(now);
        for (CircuitBreaker breaker : volatility) {
            breaker.tick(now);
        }
        for (int account = 0; account < accounts; account++) {
            rejectStorm[account].tick(now);
            checkLoss(account, now);
        }
    }

    /** An operator's TRIP_BREAKER or RESET_BREAKER. */
    void operator(Command c) {
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

    /** At the first event of a new UTC day: equity baselines move to now and daily-loss breakers close. */
    void rollDay(long now) {
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

    private void tripVolatility(int symbol, long now) {
        priceWindows[symbol].clear();
        volatility[symbol].trip(now);
    }

    private void checkLoss(int account, long now) {
        long limit = controls.limits(account).dailyLossLimit();
        if (limit == AccountLimits.UNLIMITED || dailyLoss[account].state() != BreakerState.CLOSED) {
            return;
        }
        if (Exact.saturatedDifference(dayStartEquity[account], exposure.equity(account)) > limit) {
            dailyLoss[account].trip(now);
        }
    }

    void writeDay(StateBuffer out) {
        out.putLong(day);
    }

    void restoreDay(long value) {
        day = value;
    }

    void writeSymbol(int symbol, StateBuffer out) {
        volatility[symbol].writeTo(out);
        priceWindows[symbol].writeTo(out);
    }

    void readSymbol(int symbol, StateBuffer in) {
        volatility[symbol].readFrom(in);
        priceWindows[symbol].readFrom(in);
    }

    void writeDayStart(int account, StateBuffer out) {
        out.putLong(dayStartEquity[account]);
    }

    void readDayStart(int account, StateBuffer in) {
        dayStartEquity[account] = in.getLong();
    }

    void writeAccount(int account, StateBuffer out) {
        rejectStorm[account].writeTo(out);
        dailyLoss[account].writeTo(out);
        rejects[account].writeTo(out);
    }

    void readAccount(int account, StateBuffer in) {
        rejectStorm[account].readFrom(in);
        dailyLoss[account].readFrom(in);
        rejects[account].readFrom(in);
    }
}

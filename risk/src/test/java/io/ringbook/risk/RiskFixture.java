package io.ringbook.risk;

import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventText;
import io.ringbook.engine.testing.LogicDriver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A business logic with the real risk engine behind it, built from settings a test
 * states: limits for every account (one template), protections for every symbol.
 * TEST (tick 1, lot 1) is worth 1,000,000 common notional units per tick-lot.
 */
final class RiskFixture {

    static final long SECOND = 1_000_000_000L;
    /** Common notional units in one TEST price unit times one TEST lot. */
    static final long TEST_UNIT = 1_000_000;

    final LogicDriver engine;
    final RiskBoard board;

    RiskFixture(Limits limits, SymbolRisk symbolRisk, RejectStorm rejectStorm) {
        this(DemoMarket.symbols(), limits, symbolRisk, rejectStorm);
    }

    RiskFixture(SymbolTable symbols, Limits limits, SymbolRisk symbolRisk, RejectStorm rejectStorm) {
        this(new RiskSettings(Collections.nCopies(symbols.size(), symbolRisk),
                Collections.nCopies(DemoMarket.ACCOUNTS, limits.build(symbols.size())), rejectStorm), symbols);
    }

    RiskFixture(RiskSettings settings, SymbolTable symbols) {
        this.board = new RiskBoard(settings);
        this.engine = new LogicDriver(symbols, RiskEngine.factory(settings, board));
    }

    /** Nothing limited but the venue's open orders. */
    static RiskFixture withVenueCap(long maxOpenOrders) {
        SymbolTable symbols = DemoMarket.symbols();
        return new RiskFixture(RiskSettings.none(symbols.size(), DemoMarket.ACCOUNTS).withMaxOpenOrders(maxOpenOrders), symbols);
    }

    static RiskFixture withLimits(Limits limits) {
        return new RiskFixture(limits, SymbolRisk.none(), RejectStorm.NONE);
    }

    /** Limits for every account, set by {@code setting} on a template that is unlimited until set. */
    static RiskFixture withLimits(Consumer<Limits> setting) {
        Limits limits = new Limits();
        setting.accept(limits);
        return withLimits(limits);
    }

    static RiskFixture withSymbolRisk(SymbolRisk symbolRisk) {
        return new RiskFixture(new Limits(), symbolRisk, RejectStorm.NONE);
    }

    static SymbolRisk band(long bps, long reference) {
        return new SymbolRisk(bps, reference, AccountLimits.UNLIMITED, 1, BreakerSettings.DEFAULT);
    }

    static SymbolRisk volatility(long moveBps, long windowNanos, BreakerSettings breaker) {
        return new SymbolRisk(AccountLimits.UNLIMITED, 0, moveBps, windowNanos, breaker);
    }

    List<String> limit(int account, io.ringbook.engine.domain.Side side, long price, long qty) {
        return EventText.of(engine.limit(account, side, price, qty));
    }

    /** The first line of what a new order caused: "accepted #.." or "rejected #.. REASON". */
    String verdict(int account, io.ringbook.engine.domain.Side side, long price, long qty) {
        return limit(account, side, price, qty).get(0);
    }

    static List<String> of(List<EngineEvent> events) {
        return new ArrayList<>(EventText.of(events));
    }

    /** Limits in test units, everything unlimited until set. */
    static final class Limits {
        long maxOrderQty = AccountLimits.UNLIMITED;
        long maxPosition = AccountLimits.UNLIMITED;
        long maxOrderNotional = AccountLimits.UNLIMITED;
        long maxGrossNotional = AccountLimits.UNLIMITED;
        long maxConcentrationBps = AccountLimits.UNLIMITED;
        long concentrationMinGross;
        long maxOpenOrders = AccountLimits.UNLIMITED;
        long maxOpenOrdersPerSymbol = AccountLimits.UNLIMITED;
        long maxOrdersPerSecond = AccountLimits.UNLIMITED;
        long dailyLossLimit = AccountLimits.UNLIMITED;

        AccountLimits build(int symbols) {
            return new AccountLimits(PerSymbolLimit.uniform(maxOrderQty, symbols), PerSymbolLimit.uniform(maxPosition, symbols),
                    maxOrderNotional, maxGrossNotional, maxConcentrationBps, concentrationMinGross, maxOpenOrders,
                    maxOpenOrdersPerSymbol, maxOrdersPerSecond, dailyLossLimit);
        }
    }
}

package io.ringbook.perf;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;

import java.util.Collections;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The risk configurations the benchmarks run, on the demo market: {@code NONE}
 * (matching alone) and {@code ALL}, where every check and breaker is on with limits
 * wide enough that the generated flow never meets them, so both decide the same orders
 * and the difference is the cost of checking. This is also how benchmarks lift the demo
 * profile's 10,000 orders/s throttle.
 */
public enum BenchRisk {
    NONE,
    ALL;

    private static final long SECOND = 1_000_000_000L;
    private static final long WIDE = Long.MAX_VALUE / 4;

    static BenchRisk parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The demo symbols and accounts with this risk configuration: what a bench journal records and replays. */
    ReferenceData referenceData() {
        return referenceData(DemoMarket.ACCOUNTS);
    }

    /** The demo symbols and accounts T1..Tn with this risk configuration. */
    ReferenceData referenceData(int accounts) {
        int symbols = DemoMarket.symbols().size();
        RiskSettings risk = RiskSettings.none(symbols, accounts);
        if (this == ALL) {
            AccountLimits wide = new AccountLimits(PerSymbolLimit.uniform(1_000_000, symbols),
                    PerSymbolLimit.uniform(1_000_000_000, symbols), WIDE, WIDE, 10_000, 0, 1_000_000, 1_000_000, 100_000_000, WIDE);
            risk = new RiskSettings(Collections.nCopies(symbols, new SymbolRisk(10_000, 0, 5_000, 60 * SECOND, BreakerSettings.DEFAULT)),
                    Collections.nCopies(accounts, wide), new RejectStorm(100_000, SECOND, BreakerSettings.DEFAULT));
        }
        return new ReferenceData(DemoMarket.symbols(), new AccountTable(IntStream.rangeClosed(1, accounts).mapToObj(n -> "T" + n).toList()), risk);
    }

    /** The profile's symbols, accounts and limits, or with {@code NONE} its limits switched off. */
    ReferenceData of(ReferenceData profile) {
        return this == ALL ? profile : new ReferenceData(profile.symbols(), profile.accounts(),
                RiskSettings.none(profile.symbols().size(), profile.accounts().size()));
    }

    /** A business logic with this risk, publishing its state on {@code board}, its day's clOrdId index built for {@code clOrdIdsPerDay}. */
    BusinessLogic logic(ReferenceData data, RiskBoard board, EventSink sink, int initialOrders, int clOrdIdsPerDay) {
        PreTradeCheck.Factory risk = this == NONE ? PreTradeCheck.NONE : RiskEngine.factory(data.risk(), board);
        return new BusinessLogic(data.symbols(), data.accounts().size(), risk, sink, initialOrders, clOrdIdsPerDay);
    }
}

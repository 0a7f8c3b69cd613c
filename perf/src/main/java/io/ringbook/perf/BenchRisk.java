package io.ringbook.perf;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;

import java.util.Collections;

/**
 * The risk configurations the benchmarks run: {@code none} (matching alone) and
 * {@code all}, where every check and breaker is on with limits wide enough that the
 * generated flow never meets them, so both decide the same orders and the difference
 * is the cost of checking. Benchmarks lift the demo's 10,000 orders/s throttle this way.
 */
public enum BenchRisk {
    NONE,
    ALL;

    private static final long SECOND = 1_000_000_000L;
    private static final long WIDE = Long.MAX_VALUE / 4;

    PreTradeCheck.Factory factory(int symbols, int accounts) {
        if (this == NONE) {
            return PreTradeCheck.NONE;
        }
        AccountLimits wide = new AccountLimits(PerSymbolLimit.uniform(1_000_000, symbols), PerSymbolLimit.uniform(1_000_000_000, symbols),
                WIDE, WIDE, 10_000, 0, 1_000_000, 1_000_000, 100_000_000, WIDE);
        RiskSettings settings = new RiskSettings(
                Collections.nCopies(symbols, new SymbolRisk(10_000, 0, 5_000, 60 * SECOND, BreakerSettings.DEFAULT)),
                Collections.nCopies(accounts, wide), new RejectStorm(100_000, SECOND, BreakerSettings.DEFAULT));
        return RiskEngine.factory(settings, new RiskBoard(settings));
    }
}

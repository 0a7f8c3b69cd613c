package io.ringbook.risk;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.state.StateBuffer;

/** An account's limits in a snapshot: the two per-symbol limits (default, then one entry per symbol) and the scalars. */
final class LimitsState {

    private LimitsState() {
    }

    static void write(StateBuffer out, AccountLimits limits) {
        writePerSymbol(out, limits.maxOrderQty());
        writePerSymbol(out, limits.maxPosition());
        out.putLong(limits.maxOrderNotional());
        out.putLong(limits.maxGrossNotional());
        out.putLong(limits.maxConcentrationBps());
        out.putLong(limits.concentrationMinGross());
        out.putLong(limits.maxOpenOrders());
        out.putLong(limits.maxOpenOrdersPerSymbol());
        out.putLong(limits.maxOrdersPerSecond());
        out.putLong(limits.dailyLossLimit());
    }

    static AccountLimits read(StateBuffer in, int symbols) {
        return new AccountLimits(readPerSymbol(in, symbols), readPerSymbol(in, symbols), in.getLong(), in.getLong(),
                in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    private static void writePerSymbol(StateBuffer out, PerSymbolLimit limit) {
        out.putLong(limit.fallback());
        for (int symbol = 0; symbol < limit.symbols(); symbol++) {
            out.putLong(limit.override(symbol));
        }
    }

    private static PerSymbolLimit readPerSymbol(StateBuffer in, int symbols) {
        long fallback = in.getLong();
        long[] overrides = new long[symbols];
        for (int symbol = 0; symbol < symbols; symbol++) {
            overrides[symbol] = in.getLong();
        }
        return new PerSymbolLimit(fallback, overrides);
    }
}

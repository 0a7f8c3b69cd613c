package io.ringbook.risk;

import io.ringbook.engine.state.StateBuffer;

/**
 * The risk state's snapshot form, in one place so that its layout can be read at a
 * glance and changed with its version. Version 2 starts with {@link #VERSION_2} (a value
 * no trading day can have) and ends with the venue-wide cap on open orders; version 1,
 * which starts with the day and has no cap, is still read (the cap then stays as the
 * configuration set it). Otherwise both are:
 * <pre>
 *   day, global kill switch (on, since),
 *   per symbol: halted, volatility breaker, price window,
 *   per account: kill switch (on, since), day-start equity, self-trade cancels,
 *                reject-storm breaker, daily-loss breaker, reject counter, limits,
 *   throttle
 * </pre>
 */
final class RiskSnapshot {

    /** "RISK" and 2: far beyond any day number (days since 1970 fit in 17 bits), so never a version 1 state's first value. */
    static final long VERSION_2 = 0x5249_534BL << 32 | 2;

    private RiskSnapshot() {
    }

    static void write(StateBuffer out, RiskEngine.Parts risk) {
        out.putLong(VERSION_2);
        risk.breakers().writeDay(out);
        risk.controls().writeGlobal(out);
        for (int s = 0; s < risk.symbols(); s++) {
            risk.controls().writeHalt(s, out);
            risk.breakers().writeSymbol(s, out);
        }
        for (int a = 0; a < risk.accounts(); a++) {
            risk.controls().writeKill(a, out);
            risk.breakers().writeDayStart(a, out);
            risk.selfTrades().writeTo(a, out);
            risk.breakers().writeAccount(a, out);
            risk.controls().writeLimits(a, out);
        }
        risk.throttle().writeTo(out);
        risk.controls().writeVenue(out);
    }

    static void read(StateBuffer in, RiskEngine.Parts risk) {
        long first = in.getLong();
        boolean version2 = first == VERSION_2;
        risk.breakers().restoreDay(version2 ? in.getLong() : first);
        risk.controls().readGlobal(in);
        for (int s = 0; s < risk.symbols(); s++) {
            risk.controls().readHalt(s, in);
            risk.breakers().readSymbol(s, in);
        }
        for (int a = 0; a < risk.accounts(); a++) {
            risk.controls().readKill(a, in);
            risk.breakers().readDayStart(a, in);
            risk.selfTrades().readFrom(a, in);
            risk.breakers().readAccount(a, in);
            risk.controls().readLimits(a, in);
        }
        risk.throttle().readFrom(in);
        if (version2) {
            risk.controls().readVenue(in);
        }
    }
}

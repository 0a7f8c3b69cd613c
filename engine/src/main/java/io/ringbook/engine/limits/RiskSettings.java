package io.ringbook.engine.limits;

import java.util.Collections;
import java.util.List;

/**
 * The risk configuration a run starts with, journaled with the reference data so that a
 * replay judges every order as the live run did: per symbol its protections, per account
 * its limits (later replaced by journaled commands), the reject-storm breaker, and the
 * venue-wide cap on open orders ({@link AccountLimits#UNLIMITED} for none), which keeps
 * the engine's memory bounded: a new order beyond it is refused with
 * {@code MAX_OPEN_ORDERS}.
 */
public record RiskSettings(List<SymbolRisk> symbols, List<AccountLimits> accounts, RejectStorm rejectStorm, long maxOpenOrders) {

    public RiskSettings {
        symbols = List.copyOf(symbols);
        accounts = List.copyOf(accounts);
        if (maxOpenOrders < 0) {
            throw new IllegalArgumentException("maxOpenOrders must not be negative: " + maxOpenOrders);
        }
    }

    /** Settings without a venue-wide cap on open orders. */
    public RiskSettings(List<SymbolRisk> symbols, List<AccountLimits> accounts, RejectStorm rejectStorm) {
        this(symbols, accounts, rejectStorm, AccountLimits.UNLIMITED);
    }

    /** The same settings with another venue-wide cap on open orders. */
    public RiskSettings withMaxOpenOrders(long cap) {
        return new RiskSettings(symbols, accounts, rejectStorm, cap);
    }

    /** Nothing limited and no breakers that can trip in practice: for tests of matching and for benchmarks of it. */
    public static RiskSettings none(int symbols, int accounts) {
        return new RiskSettings(Collections.nCopies(symbols, SymbolRisk.none()),
                Collections.nCopies(accounts, AccountLimits.none(symbols)),
                RejectStorm.NONE);
    }
}

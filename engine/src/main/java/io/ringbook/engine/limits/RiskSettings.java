package io.ringbook.engine.limits;

import java.util.Collections;
import java.util.List;

/**
 * The risk configuration a run starts with, journaled with the reference data so that a
 * replay judges every order as the live run did: per symbol its protections, per account
 * its limits (later replaced by journaled commands), and the reject-storm breaker.
 */
public record RiskSettings(List<SymbolRisk> symbols, List<AccountLimits> accounts, RejectStorm rejectStorm) {

    public RiskSettings {
        symbols = List.copyOf(symbols);
        accounts = List.copyOf(accounts);
    }

    /** Nothing limited and no breakers that can trip in practice: for tests of matching and for benchmarks of it. */
    public static RiskSettings none(int symbols, int accounts) {
        return new RiskSettings(Collections.nCopies(symbols, SymbolRisk.none()),
                Collections.nCopies(accounts, AccountLimits.none(symbols)),
                RejectStorm.NONE);
    }
}

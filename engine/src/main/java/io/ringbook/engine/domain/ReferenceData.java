package io.ringbook.engine.domain;

import io.ringbook.engine.limits.RiskSettings;

/**
 * What the business logic is built from: the symbols, the accounts and the risk
 * configuration. Journaled at the start of every run, so that a replay builds exactly
 * the engine that ran.
 */
public record ReferenceData(SymbolTable symbols, AccountTable accounts, RiskSettings risk) {

    public ReferenceData {
        if (risk.symbols().size() != symbols.size() || risk.accounts().size() != accounts.size()) {
            throw new IllegalArgumentException("risk settings for " + risk.symbols().size() + " symbols and "
                    + risk.accounts().size() + " accounts do not fit " + symbols.size() + " and " + accounts.size());
        }
    }

    /** Reference data with no risk limits. */
    public ReferenceData(SymbolTable symbols, AccountTable accounts) {
        this(symbols, accounts, RiskSettings.none(symbols.size(), accounts.size()));
    }
}

package io.ringbook.perf;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;

import java.util.Locale;

/**
 * The generated flows {@code ringbook bench} and the benchmarks run, by name: the
 * realistic mix of {@link RecordedFlow} (four accounts) and the amend-heavy flow of
 * {@link AmendHeavyFlow} (100 accounts). Both trade the symbol {@code TEST} (or a
 * profile's first symbol when it has no {@code TEST}) and are the same for the same seed.
 */
public enum BenchScenario {
    REALISTIC(4),
    AMEND_HEAVY(100);

    private final int accounts;

    BenchScenario(int accounts) {
        this.accounts = accounts;
    }

    static BenchScenario parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The accounts the scenario spreads its orders over when no profile gives them. */
    int accounts() {
        return accounts;
    }

    /**
     * The flow over {@code data}'s accounts, with clOrdIds of {@code ids} (the amend-heavy flow always uses
     * {@code c<row>}), which may repeat every {@code idsRepeatEvery} commands (0: never).
     */
    CommandFlow flow(long seed, ReferenceData data, ClOrdIdStyle ids, int idsRepeatEvery) {
        int symbol = symbol(data).id();
        int accountCount = data.accounts().size();
        return this == REALISTIC ? new RecordedFlow(seed, accountCount, symbol, 1 << 16, ids, idsRepeatEvery) : new AmendHeavyFlow(seed, accountCount, symbol);
    }

    /** The symbol a bench trades: {@code TEST}, or the first of a profile without one. */
    static SymbolSpec symbol(ReferenceData data) {
        return data.symbols().find("TEST").orElse(data.symbols().get(0));
    }
}

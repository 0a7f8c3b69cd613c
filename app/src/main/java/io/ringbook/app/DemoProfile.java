package io.ringbook.app;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.gateway.rest.ApiKeys;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The embedded defaults of {@code ./ringbook start} without a config file (API.md, "Demo
 * profile"): three symbols trading 24/7 without fees and four accounts. Credentials and
 * limits join it as the gateways and risk land.
 */
final class DemoProfile {

    private DemoProfile() {
    }

    static ReferenceData referenceData() {
        return new ReferenceData(
                new SymbolTable(List.of(
                        new SymbolSpec(0, "BTC-USD", new BigDecimal("0.01"), new BigDecimal("0.0001"), 0, 0),
                        new SymbolSpec(1, "ETH-USD", new BigDecimal("0.01"), new BigDecimal("0.001"), 0, 0),
                        new SymbolSpec(2, "TEST", BigDecimal.ONE, BigDecimal.ONE, 0, 0))),
                new AccountTable(List.of("T1", "T2", "T3", "T4")));
    }

    /** API keys {@code t1-key}..{@code t4-key} for accounts T1..T4. */
    static ApiKeys apiKeys() {
        return new ApiKeys(Map.of("t1-key", 0, "t2-key", 1, "t3-key", 2, "t4-key", 3));
    }
}

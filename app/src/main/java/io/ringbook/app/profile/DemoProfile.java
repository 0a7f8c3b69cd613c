package io.ringbook.app.profile;

import io.ringbook.admin.AdminToken;
import io.ringbook.admin.Role;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.PerSymbolLimit;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.gateway.rest.RateLimits;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The embedded defaults of {@code ./ringbook start} without a config file (API.md, "Demo
 * profile"): three symbols trading 24/7 without fees, four accounts, their API keys (also
 * their FIX passwords), and
 * limits so wide that ordinary tests never meet them: max order qty 1,000,000 lots,
 * 10,000 open orders, 10,000 orders/s, no loss, concentration or notional limit, no
 * price band; a volatility breaker per symbol (a 50% move within 60 s; 30 s cool-down,
 * 10 probe orders) and a reject-storm breaker per account (1,000 rejects within 10 s).
 * It listens on 127.0.0.1 only, on ports 8080 (REST), 8081 (admin) and 9878 (FIX).
 */
public final class DemoProfile {

    private DemoProfile() {
    }

    private static final long SECOND = 1_000_000_000L;

    /** The demo profile, listening on its usual ports. */
    public static Profile profile() {
        return new Profile("demo", referenceData(), new Credentials(
                Map.of("t1-key", 0, "t2-key", 1, "t3-key", 2, "t4-key", 3), Map.of(),
                Map.of(0, "t1-key", 1, "t2-key", 2, "t3-key", 3, "t4-key"),
                Map.of("viewer-token", new AdminToken("viewer", Role.VIEWER), "operator-token", new AdminToken("operator", Role.OPERATOR),
                        "admin-token", new AdminToken("admin", Role.ADMIN))),
                RateLimits.DEMO, "127.0.0.1", Ports.DEFAULTS, FixSessionOptions.DEFAULTS, RunSettings.DEFAULTS);
    }

    public static ReferenceData referenceData() {
        SymbolTable symbols = new SymbolTable(List.of(
                new SymbolSpec(0, "BTC-USD", new BigDecimal("0.01"), new BigDecimal("0.0001"), 0, 0),
                new SymbolSpec(1, "ETH-USD", new BigDecimal("0.01"), new BigDecimal("0.001"), 0, 0),
                new SymbolSpec(2, "TEST", BigDecimal.ONE, BigDecimal.ONE, 0, 0)));
        AccountTable accounts = new AccountTable(List.of("T1", "T2", "T3", "T4"));
        SymbolRisk volatility = new SymbolRisk(AccountLimits.UNLIMITED, 0, 5_000, 60 * SECOND, BreakerSettings.DEFAULT);
        AccountLimits limits = new AccountLimits(PerSymbolLimit.uniform(1_000_000, symbols.size()),
                PerSymbolLimit.uniform(AccountLimits.UNLIMITED, symbols.size()), AccountLimits.UNLIMITED, AccountLimits.UNLIMITED,
                AccountLimits.UNLIMITED, 0, 10_000, AccountLimits.UNLIMITED, 10_000, AccountLimits.UNLIMITED);
        RiskSettings risk = new RiskSettings(Collections.nCopies(symbols.size(), volatility),
                Collections.nCopies(accounts.size(), limits), new RejectStorm(1_000, 10 * SECOND, BreakerSettings.DEFAULT),
                OpenOrderCap.forThisJvm());
        return new ReferenceData(symbols, accounts, risk);
    }
}

package io.ringbook.app.profile;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.web.InvalidLimitsException;
import io.ringbook.web.LimitsDocument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risk part of a configuration file (limits, symbols' price protections, the
 * reject-storm breaker) applied over reference data: anything not named stays as it
 * was. One reading for both doors that take settings: {@code start --config} applies it
 * over unlimited defaults, {@code backtest --config} over the recorded run.
 * <pre>
 * limits:                 # per account, "*" for all first; fields of the admin API's limits
 *   "*": {maxOrderQty: {"*": "50"}, maxOpenOrders: 100}
 *   T1: {dailyLossLimit: "5000"}
 * symbols:
 *   TEST: {priceBandPct: "5", referencePrice: "100", volatilityMovePct: "20", volatilityWindowSeconds: 60,
 *          volatilityCooldownSeconds: 30, volatilityProbeOrders: 10}
 * rejectStorm: {rejects: 100, windowSeconds: 10, cooldownSeconds: 30, probeOrders: 10}
 * </pre>
 * Percentages take up to two decimals; {@code null} for a percentage is no band or no breaker.
 */
public final class RiskOverrides {

    /** The keys of a symbol's entry that this class reads. */
    public static final Set<String> SYMBOL_KEYS = Set.of("priceBandPct", "referencePrice", "volatilityMovePct",
            "volatilityWindowSeconds", "volatilityCooldownSeconds", "volatilityProbeOrders");
    private static final Set<String> STORM_KEYS = Set.of("rejects", "windowSeconds", "cooldownSeconds", "probeOrders");
    private static final long SECOND = 1_000_000_000L;
    private static final BigDecimal BPS_PER_PERCENT = BigDecimal.valueOf(100);

    private RiskOverrides() {
    }

    /** {@code base} with the settings of {@code root}'s {@code limits}, {@code symbols} and {@code rejectStorm}. */
    public static ReferenceData apply(ReferenceData base, ConfigNode root) {
        return new ReferenceData(base.symbols(), base.accounts(),
                new RiskSettings(symbols(base, root.node("symbols")), limits(base, root.node("limits")),
                        rejectStorm(base.risk().rejectStorm(), root.node("rejectStorm"))));
    }

    private static List<AccountLimits> limits(ReferenceData base, ConfigNode overrides) {
        for (String account : overrides.keys()) {
            if (!account.equals("*") && base.accounts().find(account).isEmpty()) {
                throw overrides.error(account, "no such account (accounts: " + String.join(", ", base.accounts().all()) + ")");
            }
        }
        List<AccountLimits> limits = new ArrayList<>(base.risk().accounts());
        for (int a = 0; a < limits.size(); a++) {
            String name = base.accounts().name(a);
            for (String key : new String[]{"*", name}) {
                if (overrides.has(key)) {
                    Map<String, Object> merged = new LinkedHashMap<>(LimitsDocument.toJson(name, limits.get(a), base.symbols()));
                    merged.putAll(overrides.map(key));
                    try {
                        limits.set(a, LimitsDocument.fromJson(merged, base.symbols()));
                    } catch (InvalidLimitsException | ArithmeticException e) {
                        throw overrides.error(key, e.getMessage());
                    }
                }
            }
        }
        return limits;
    }

    private static List<SymbolRisk> symbols(ReferenceData base, ConfigNode overrides) {
        List<SymbolRisk> symbols = new ArrayList<>(base.risk().symbols());
        for (String name : overrides.keys()) {
            SymbolSpec symbol = base.symbols().find(name).orElseThrow(() -> overrides.error(name, "no such symbol"));
            ConfigNode o = overrides.node(name);
            SymbolRisk was = symbols.get(symbol.id());
            BreakerSettings breaker = new BreakerSettings(seconds(o, "volatilityCooldownSeconds", was.breaker().cooldownNanos()),
                    (int) o.whole("volatilityProbeOrders", was.breaker().probeOrders()));
            long reference = was.referencePrice();
            if (o.decimal("referencePrice") != null) {
                try {
                    reference = symbol.ticks(o.decimal("referencePrice"));
                } catch (ArithmeticException e) {
                    throw o.error("referencePrice", "is not a multiple of the tick size " + symbol.tickSize().toPlainString());
                }
            }
            symbols.set(symbol.id(), new SymbolRisk(bps(o, "priceBandPct", was.priceBandBps()), reference,
                    bps(o, "volatilityMovePct", was.volatilityMoveBps()),
                    seconds(o, "volatilityWindowSeconds", was.volatilityWindowNanos()), breaker));
        }
        return symbols;
    }

    private static RejectStorm rejectStorm(RejectStorm was, ConfigNode o) {
        o.allowOnly(STORM_KEYS);
        return new RejectStorm((int) o.whole("rejects", was.rejects()), seconds(o, "windowSeconds", was.windowNanos()),
                new BreakerSettings(seconds(o, "cooldownSeconds", was.breaker().cooldownNanos()),
                        (int) o.whole("probeOrders", was.breaker().probeOrders())));
    }

    /** A percentage in basis points; {@code null} given explicitly is unlimited. */
    private static long bps(ConfigNode o, String key, long was) {
        if (!o.has(key)) {
            return was;
        }
        BigDecimal percent = o.decimal(key);
        if (percent == null) {
            return AccountLimits.UNLIMITED;
        }
        if (percent.signum() <= 0) {
            throw o.error(key, "must be positive (or null for none)");
        }
        try {
            return percent.multiply(BPS_PER_PERCENT).longValueExact();
        } catch (ArithmeticException e) {
            throw o.error(key, "takes at most two decimals");
        }
    }

    private static long seconds(ConfigNode o, String key, long wasNanos) {
        if (!o.has(key)) {
            return wasNanos;
        }
        long seconds = o.whole(key, 0);
        if (seconds <= 0) {
            throw o.error(key, "must be a positive number of seconds");
        }
        return Math.multiplyExact(seconds, SECOND);
    }
}

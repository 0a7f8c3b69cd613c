package io.ringbook.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.LimitsDocument;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Other settings to backtest under, as YAML (or JSON), applied over the recorded run's
 * configuration; anything not named stays as it was:
 * <pre>
 * limits:                       # per account, or "*" for all; fields of the admin API's limits
 *   "*": {maxOrderQty: {"*": "50"}}
 *   T1: {maxOpenOrders: 10}
 * symbols:
 *   TEST: {priceBandPct: "5", referencePrice: "100", volatilityMovePct: "20", volatilityWindowSeconds: 60}
 * rejectStorm: {rejects: 100, windowSeconds: 10}
 * </pre>
 */
final class BacktestSettings {

    private static final long SECOND = 1_000_000_000L;
    private static final BigDecimal BPS_PER_PERCENT = BigDecimal.valueOf(100);

    private BacktestSettings() {
    }

    @SuppressWarnings("unchecked")
    static ReferenceData apply(ReferenceData base, Path file) throws IOException {
        if (file == null) {
            return base;
        }
        Map<String, Object> root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
        for (String key : root.keySet()) {
            if (!List.of("limits", "symbols", "rejectStorm").contains(key)) {
                throw new IllegalArgumentException(file + ": unknown setting " + key + " (limits, symbols, rejectStorm)");
            }
        }
        List<AccountLimits> limits = new ArrayList<>(base.risk().accounts());
        Map<String, Map<String, Object>> limitOverrides = (Map<String, Map<String, Object>>) root.getOrDefault("limits", Map.of());
        for (int a = 0; a < limits.size(); a++) {
            String name = base.accounts().name(a);
            for (String key : new String[]{"*", name}) {
                if (limitOverrides.containsKey(key)) {
                    Map<String, Object> merged = new LinkedHashMap<>(LimitsDocument.toJson(name, limits.get(a), base.symbols()));
                    merged.putAll(limitOverrides.get(key));
                    limits.set(a, LimitsDocument.fromJson(merged, base.symbols()));
                }
            }
        }
        for (String account : limitOverrides.keySet()) {
            if (!account.equals("*") && base.accounts().find(account).isEmpty()) {
                throw new IllegalArgumentException(file + ": no account " + account);
            }
        }
        List<SymbolRisk> symbols = new ArrayList<>(base.risk().symbols());
        Map<String, Map<String, Object>> symbolOverrides = (Map<String, Map<String, Object>>) root.getOrDefault("symbols", Map.of());
        for (Map.Entry<String, Map<String, Object>> entry : symbolOverrides.entrySet()) {
            SymbolSpec symbol = base.symbols().find(entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException(file + ": no symbol " + entry.getKey()));
            SymbolRisk was = symbols.get(symbol.id());
            Map<String, Object> o = entry.getValue();
            symbols.set(symbol.id(), new SymbolRisk(
                    o.containsKey("priceBandPct") ? bps(o.get("priceBandPct")) : was.priceBandBps(),
                    o.containsKey("referencePrice") ? symbol.ticks(new BigDecimal(o.get("referencePrice").toString())) : was.referencePrice(),
                    o.containsKey("volatilityMovePct") ? bps(o.get("volatilityMovePct")) : was.volatilityMoveBps(),
                    o.containsKey("volatilityWindowSeconds") ? Long.parseLong(o.get("volatilityWindowSeconds").toString()) * SECOND
                            : was.volatilityWindowNanos(),
                    was.breaker()));
        }
        RejectStorm storm = base.risk().rejectStorm();
        if (root.containsKey("rejectStorm")) {
            Map<String, Object> o = (Map<String, Object>) root.get("rejectStorm");
            storm = new RejectStorm(Integer.parseInt(o.getOrDefault("rejects", storm.rejects()).toString()),
                    o.containsKey("windowSeconds") ? Long.parseLong(o.get("windowSeconds").toString()) * SECOND : storm.windowNanos(),
                    new BreakerSettings(storm.breaker().cooldownNanos(), storm.breaker().probeOrders()));
        }
        return new ReferenceData(base.symbols(), base.accounts(), new RiskSettings(symbols, limits, storm));
    }

    private static long bps(Object percent) {
        return new BigDecimal(percent.toString()).multiply(BPS_PER_PERCENT).longValueExact();
    }
}

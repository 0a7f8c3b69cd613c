package io.ringbook.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerStatus;
import io.ringbook.engine.limits.KillSwitchStatus;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.web.ApiException;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;
import io.ringbook.web.InvalidLimitsException;
import io.ringbook.web.LimitsDocument;
import io.ringbook.web.RiskJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Breakers, halts, kill switches and limits (API.md, "Operators"). Reads come from the
 * risk engine's published {@link RiskStatus}; every change is an engine command, so it
 * is journaled and replayed, and the answer is the resource as it stands after the
 * command was decided. Repeating an action is harmless and answers 200 again.
 */
final class RiskRoutes {

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ReferenceData data;
    private final RiskStatus risk;
    private final EngineDoor engine;

    RiskRoutes(ReferenceData data, RiskStatus risk, EngineDoor engine) {
        this.data = data;
        this.risk = risk;
        this.engine = engine;
    }

    void breakers(Context ctx) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (BreakerKind kind : BreakerKind.values()) {
            int targets = kind.perAccount() ? data.accounts().size() : data.symbols().size();
            for (int target = 0; target < targets; target++) {
                all.add(breakerJson(risk.breaker(kind, target)));
            }
        }
        HttpJson.json(ctx, all);
    }

    void tripBreaker(Context ctx) {
        changeBreaker(ctx, true);
    }

    void resetBreaker(Context ctx) {
        changeBreaker(ctx, false);
    }

    /** {@code GET /admin/v1/symbols} (an addition to API.md): each symbol's operator halt and volatility breaker. */
    void symbols(Context ctx) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (SymbolSpec symbol : data.symbols().all()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", symbol.name());
            json.put("halted", risk.halted(symbol.id()));
            json.put("volatilityBreaker", risk.breaker(BreakerKind.VOLATILITY, symbol.id()).state().name());
            json.put("tradingHours", symbol.tradingHours().toString());
            all.add(json);
        }
        HttpJson.json(ctx, all);
    }

    void halt(Context ctx) {
        changeHalt(ctx, true);
    }

    void resume(Context ctx) {
        changeHalt(ctx, false);
    }

    void killSwitches(Context ctx) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int account = -1; account < data.accounts().size(); account++) {
            all.add(killSwitchJson(risk.killSwitch(account)));
        }
        HttpJson.json(ctx, all);
    }

    void activateKillSwitch(Context ctx) {
        Map<String, Object> body = body(ctx);
        Object name = body.get("account");
        if (body.size() > 1 || (body.size() == 1 && !body.containsKey("account"))) {
            throw ApiException.badRequest("UNKNOWN_FIELD", "the body is {\"account\":\"T1\"} or {} for the global switch");
        }
        if (name != null && !(name instanceof String)) {
            throw ApiException.badRequest("INVALID_FIELD", "account must be an account name or absent");
        }
        int account = name == null ? -1 : account((String) name);
        AuditLog.record(ctx, "kill-switch", name == null ? "*" : (String) name);
        HttpJson.answer(ctx, engine.submit(c -> c.killSwitch(account, true)), events -> {
            EngineEvent done = last(events, EventType.KILL_SWITCH_CHANGED);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("account", name);
            json.put("active", true);
            json.put("canceledOrders", done.count);
            HttpJson.json(ctx, json);
        });
    }

    void releaseKillSwitch(Context ctx) {
        String name = ctx.queryParam("account");
        int account = name == null ? -1 : account(name);
        AuditLog.record(ctx, "release-kill-switch", name == null ? "*" : name);
        HttpJson.answer(ctx, engine.submit(c -> c.killSwitch(account, false)),
                events -> HttpJson.json(ctx, killSwitchJson(risk.killSwitch(account))));
    }

    void limits(Context ctx) {
        String name = ctx.pathParam("account");
        HttpJson.json(ctx, LimitsDocument.toJson(name, risk.limits(account(name)), data.symbols()));
    }

    void replaceLimits(Context ctx) {
        String name = ctx.pathParam("account");
        int account = account(name);
        Map<String, Object> body = body(ctx);
        Object named = body.get("account");
        if (named != null && !name.equals(named)) {
            throw ApiException.badRequest("INVALID_FIELD", "account in the body must be the path's, " + ClientText.quote(name));
        }
        AccountLimits limits;
        try {
            limits = LimitsDocument.fromJson(body, data.symbols());
        } catch (InvalidLimitsException invalid) {
            throw ApiException.badRequest(invalid.code(), invalid.getMessage());
        }
        AuditLog.record(ctx, "set-limits", name);
        HttpJson.answer(ctx, engine.submit(c -> c.setLimits(account, limits)),
                events -> HttpJson.json(ctx, LimitsDocument.toJson(name, last(events, EventType.LIMITS_CHANGED).limits, data.symbols())));
    }

    private void changeBreaker(Context ctx, boolean trip) {
        String name = ctx.pathParam("name");
        int colon = name.indexOf(':');
        BreakerKind kind = colon < 0 ? null : BreakerKind.ofPrefix(name.substring(0, colon));
        String targetName = colon < 0 ? "" : name.substring(colon + 1);
        OptionalInt target = kind == null ? OptionalInt.empty() : kind.perAccount() ? data.accounts().find(targetName)
                : data.symbols().find(targetName).map(s -> OptionalInt.of(s.id())).orElse(OptionalInt.empty());
        if (target.isEmpty()) {
            throw new ApiException(404, "NOT_FOUND", "no breaker " + ClientText.quote(name));
        }
        AuditLog.record(ctx, trip ? "trip-breaker" : "reset-breaker", name);
        HttpJson.answer(ctx, engine.submit(c -> c.breaker(kind, target.getAsInt(), trip)),
                events -> HttpJson.json(ctx, breakerJson(risk.breaker(kind, target.getAsInt()))));
    }

    private void changeHalt(Context ctx, boolean halt) {
        SymbolSpec symbol = data.symbols().find(ctx.pathParam("symbol"))
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_SYMBOL", "no symbol " + ClientText.quote(ctx.pathParam("symbol"))));
        AuditLog.record(ctx, halt ? "halt" : "resume", symbol.name());
        HttpJson.answer(ctx, engine.submit(c -> c.haltSymbol(symbol.id(), halt)), events -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", symbol.name());
            json.put("halted", last(events, EventType.SYMBOL_STATUS).active);
            HttpJson.json(ctx, json);
        });
    }

    private Map<String, Object> breakerJson(BreakerStatus status) {
        return RiskJson.breaker(status, data);
    }

    private Map<String, Object> killSwitchJson(KillSwitchStatus status) {
        return RiskJson.killSwitch(status, data);
    }

    private int account(String name) {
        return data.accounts().find(name).orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no account " + ClientText.quote(name)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        String text = HttpJson.jsonBody(ctx);
        try {
            Object parsed = READER.readValue(text.isBlank() ? "{}" : text, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw ApiException.badRequest("MALFORMED_JSON", "the body must be a JSON object");
        } catch (IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "the body is not valid JSON");
        }
    }

    private static EngineEvent last(List<EngineEvent> events, EventType type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type == type) {
                return events.get(i);
            }
        }
        throw new ApiException(500, "INTERNAL", "the engine did not report " + type);
    }
}

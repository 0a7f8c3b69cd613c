package io.ringbook.admin;

import io.javalin.http.Context;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code /health}, {@code /health/live} and {@code /health/ready}, without auth. The
 * engine is DOWN if a critical component is, DEGRADED if any component is not UP; the
 * score is the share of components UP (DEGRADED counts half). Ready means recovery is
 * done and the engine takes commands. A reader without a valid admin token (any role)
 * sees each component's status and numbers (which {@code /metrics} shows anyway) but no
 * text: a failure's text can carry an event with accounts and orders, a path or an error
 * message, so it reads {@value #WITHHELD} instead.
 */
final class HealthRoutes {

    static final String WITHHELD = "withheld: send a valid admin token (any role) to see it";

    private final List<HealthComponent> components = new CopyOnWriteArrayList<>();
    private final EngineDoor engine;
    private final AdminTokens tokens;

    HealthRoutes(EngineDoor engine, AdminTokens tokens) {
        this.engine = engine;
        this.tokens = tokens;
    }

    void add(List<HealthComponent> more) {
        components.addAll(more);
    }

    void health(Context ctx) {
        Map<String, Object> byName = new LinkedHashMap<>();
        HealthStatus overall = engine.isOpen() ? HealthStatus.UP : HealthStatus.DOWN;
        int points = 0;
        boolean everything = tokens.presented(ctx).isPresent();
        for (HealthComponent component : components) {
            HealthCheck check = check(component);
            byName.put(component.name(), Map.of("status", check.status().name(),
                    "details", everything ? check.details() : withoutText(check.details())));
            points += check.status() == HealthStatus.UP ? 2 : check.status() == HealthStatus.DEGRADED ? 1 : 0;
            if (check.status() == HealthStatus.DOWN && component.critical()) {
                overall = HealthStatus.DOWN;
            } else if (check.status() != HealthStatus.UP && overall == HealthStatus.UP) {
                overall = HealthStatus.DEGRADED;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", overall.name());
        body.put("score", components.isEmpty() ? 0 : points * 50 / components.size());
        body.put("components", byName);
        ctx.status(overall == HealthStatus.DOWN ? 503 : 200);
        HttpJson.json(ctx, body);
    }

    void live(Context ctx) {
        ctx.status(200);
        HttpJson.json(ctx, Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        boolean ready = engine.isOpen()
                && components.stream().noneMatch(c -> c.critical() && check(c).status() == HealthStatus.DOWN);
        ctx.status(ready ? 200 : 503);
        HttpJson.json(ctx, Map.of("status", ready ? "UP" : "DOWN"));
    }

    private static Map<String, Object> withoutText(Map<String, Object> details) {
        Map<String, Object> shown = new LinkedHashMap<>();
        details.forEach((name, value) -> shown.put(name, value instanceof Number || value instanceof Boolean ? value : WITHHELD));
        return shown;
    }

    /** A component whose check fails is DOWN, with the failure as its detail; health itself never fails. */
    private static HealthCheck check(HealthComponent component) {
        try {
            return component.check();
        } catch (RuntimeException failed) {
            return new HealthCheck(HealthStatus.DOWN, Map.of("error", String.valueOf(failed.getMessage())));
        }
    }
}

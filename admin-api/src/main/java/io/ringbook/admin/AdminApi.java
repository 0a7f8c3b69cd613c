package io.ringbook.admin;

import io.ringbook.web.EngineDoor;
import io.javalin.Javalin;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.web.ApiException;
import io.ringbook.web.HttpJson;

import java.nio.file.Path;
import java.util.List;

/**
 * The operators' HTTP API of API.md (port 8081 in the demo profile). It starts before
 * recovery, so that health and readiness can be watched while the engine rebuilds; the
 * engine's door opens when recovery is done ({@link #engineReady}). Every state-changing
 * call is an engine command: journaled, replayed, and logged for audit with the caller's role.
 */
public final class AdminApi implements AutoCloseable {

    private final AdminTokens tokens;
    private final EngineDoor engine = new EngineDoor();
    private final HealthRoutes health = new HealthRoutes(engine);
    private final RiskRoutes risk;
    private Javalin server;

    public AdminApi(ReferenceData data, AdminTokens tokens, RiskStatus riskStatus, Path dataDir) {
        this.tokens = tokens;
        this.risk = new RiskRoutes(data, riskStatus, engine);
        health.add(ProcessHealth.of(dataDir));
    }

    /** Opens the port; returns the port bound (useful with port 0). */
    public int start(String host, int port) {
        server = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.routes.before(HttpJson::commonHeaders);
            config.routes.get("/health", health::health);
            config.routes.get("/health/live", health::live);
            config.routes.get("/health/ready", health::ready);
            config.routes.before("/admin/*", ctx -> tokens.require(ctx, needed(ctx.method().name(), ctx.path())));
            config.routes.get("/admin/v1/breakers", risk::breakers);
            config.routes.post("/admin/v1/breakers/{name}/trip", risk::tripBreaker);
            config.routes.post("/admin/v1/breakers/{name}/reset", risk::resetBreaker);
            config.routes.post("/admin/v1/symbols/{symbol}/halt", risk::halt);
            config.routes.post("/admin/v1/symbols/{symbol}/resume", risk::resume);
            config.routes.get("/admin/v1/kill-switch", risk::killSwitches);
            config.routes.post("/admin/v1/kill-switch", risk::activateKillSwitch);
            config.routes.delete("/admin/v1/kill-switch", risk::releaseKillSwitch);
            config.routes.get("/admin/v1/accounts/{account}/limits", risk::limits);
            config.routes.put("/admin/v1/accounts/{account}/limits", risk::replaceLimits);
            config.routes.exception(ApiException.class, (e, ctx) -> HttpJson.error(ctx, e.status(), e.code(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) ->
                    HttpJson.error(ctx, 500, "INTERNAL", "the admin API failed: " + e.getClass().getSimpleName()));
            config.routes.error(404, "*", ctx -> HttpJson.unanswered(ctx, 404, "NOT_FOUND", "no such route"));
            config.routes.error(405, "*", ctx -> HttpJson.unanswered(ctx, 405, "METHOD_NOT_ALLOWED", "method not allowed here"));
        }).start();
        return server.port();
    }

    /** Recovery is done: commands may flow, and these components join the health report. */
    public void engineReady(CommandPublisher publisher, List<HealthComponent> components) {
        health.add(components);
        engine.open(publisher);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    /** Reads need a viewer; limits an admin; every other change an operator. */
    private static Role needed(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return Role.VIEWER;
        }
        return path.endsWith("/limits") ? Role.ADMIN : Role.OPERATOR;
    }
}

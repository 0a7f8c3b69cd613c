package io.ringbook.admin;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.views.ReadModels;
import io.ringbook.views.positions.PositionsView;
import io.ringbook.journal.JournalStatus;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;
import io.ringbook.web.HttpServers;
import io.ringbook.web.QueryParameters;
import io.ringbook.web.RouteList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The operators' HTTP API of API.md (port 8081 in the demo profile) and their dashboard
 * at {@code /}. It starts before recovery, so that health and readiness can be watched
 * while the engine rebuilds; the engine's door opens when recovery is done
 * ({@link #engineReady}). Every state-changing call is an engine command: journaled,
 * replayed, and logged for audit with the caller's token name and role. Each admin route
 * is registered with the role it needs. Its own read models (latency, metrics) are
 * listeners on the outbound side; positions and the full book of open orders are read
 * from the order gateway's {@link ReadModels}, so that each is kept once.
 */
public final class AdminApi implements AutoCloseable {

    private final AdminTokens tokens;
    private final EngineDoor engine = new EngineDoor();
    private final HealthRoutes health;
    private final RiskRoutes risk;
    private final StageLatency latency;
    private final EngineMetrics metrics;
    private final PositionsView positions;
    private final OperationsRoutes operations;
    private final OpenApi openApi = new OpenApi();
    private volatile Supplier<Map<String, Object>> cluster;
    private Javalin server;

    /** @param views the read models the order gateway keeps and registers: positions and the full book of open orders are read there */
    public AdminApi(ReferenceData data, AdminTokens tokens, RiskStatus riskStatus, Path dataDir, EpochClock clock, ReadModels views) {
        this.tokens = tokens;
        this.health = new HealthRoutes(engine, tokens);
        this.risk = new RiskRoutes(data, riskStatus, engine);
        this.latency = new StageLatency(clock);
        this.metrics = new EngineMetrics(data, riskStatus, latency);
        this.positions = views.positions();
        this.operations = new OperationsRoutes(data, dataDir, engine, latency, positions, views.orders());
        List<HealthComponent> process = ProcessHealth.of(dataDir);
        health.add(process);
        metrics.watch(process);
    }

    /** The listeners to register with the pipeline before the engine opens. */
    public List<EngineListener> listeners() {
        return List.of(latency, metrics);
    }

    /** Opens the port; returns the port bound (useful with port 0). */
    public int start(String host, int port) {
        server = Javalin.create(config -> {
            HttpServers.configure(config, host, port, "admin API", ctx -> {
                AdminToken token = ctx.attribute(AdminTokens.TOKEN);
                return token == null ? null : token.role().name().toLowerCase(Locale.ROOT);
            }, true);
            config.staticFiles.add("/dashboard");
            config.routes.before(Dashboard::headers);
            open(config.routes, "/health", health::health);
            open(config.routes, "/health/live", health::live);
            open(config.routes, "/health/ready", health::ready);
            open(config.routes, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            open(config.routes, "/openapi.json", openApi::serve);
            config.routes.beforeMatched("/admin/*", ctx -> tokens.require(ctx, needed(ctx.routeRoles())));
            read(config.routes, "/admin/v1/whoami", tokens::whoami);
            read(config.routes, "/admin/v1/latency", operations::latency);
            change(config.routes, HandlerType.POST, "/admin/v1/latency/reset", operations::resetLatency, Role.OPERATOR);
            read(config.routes, "/admin/v1/breakers", risk::breakers);
            change(config.routes, HandlerType.POST, "/admin/v1/breakers/{name}/trip", risk::tripBreaker, Role.OPERATOR);
            change(config.routes, HandlerType.POST, "/admin/v1/breakers/{name}/reset", risk::resetBreaker, Role.OPERATOR);
            read(config.routes, "/admin/v1/symbols", risk::symbols);
            change(config.routes, HandlerType.POST, "/admin/v1/symbols/{symbol}/halt", risk::halt, Role.OPERATOR);
            change(config.routes, HandlerType.POST, "/admin/v1/symbols/{symbol}/resume", risk::resume, Role.OPERATOR);
            read(config.routes, "/admin/v1/kill-switch", risk::killSwitches);
            change(config.routes, HandlerType.POST, "/admin/v1/kill-switch", risk::activateKillSwitch, Role.OPERATOR);
            change(config.routes, HandlerType.DELETE, "/admin/v1/kill-switch", risk::releaseKillSwitch, Role.OPERATOR, "account");
            read(config.routes, "/admin/v1/accounts/{account}/limits", risk::limits);
            change(config.routes, HandlerType.PUT, "/admin/v1/accounts/{account}/limits", risk::replaceLimits, Role.ADMIN);
            read(config.routes, "/admin/v1/positions", operations::positions);
            read(config.routes, "/admin/v1/book/{symbol}", operations::book, "limit");
            read(config.routes, "/admin/v1/audit", operations::audit, "from", "to", "account", "type", "limit");
            read(config.routes, "/admin/v1/journal", operations::journal);
            change(config.routes, HandlerType.POST, "/admin/v1/snapshot", operations::snapshot, Role.OPERATOR);
            read(config.routes, "/admin/v1/cluster", this::cluster);
        }).start();
        openApi.adminAt(host, server.port());
        latency.start();
        return server.port();
    }

    /** Where the order gateway listens, for the {@code servers} of {@code /openapi.json}. */
    public void orderGatewayAt(String host, int port) {
        openApi.orderGatewayAt(host, port);
    }

    /**
     * Recovery is done: commands may flow; these components join the health report and
     * the metrics, and the journal's status can be shown.
     */
    public void engineReady(CommandPublisher publisher, List<HealthComponent> components, JournalStatus journal) {
        List<HealthComponent> all = new ArrayList<>(components);
        all.add(journal.health());
        health.add(all);
        metrics.watch(all);
        operations.journalReady(journal);
        engine.open(publisher);
    }

    /** Cluster mode: {@code GET /admin/v1/cluster} answers with this status (in single-process mode it is 404). */
    public void clusterMode(Supplier<Map<String, Object>> status) {
        this.cluster = status;
    }

    private void cluster(Context ctx) {
        Supplier<Map<String, Object>> status = cluster;
        if (status == null) {
            HttpJson.error(ctx, 404, "NOT_FOUND", "single-process mode: there is no cluster");
        } else {
            HttpJson.json(ctx, status.get());
        }
    }

    /** The HTTP routes this API serves, as {@code "METHOD /path"}, for the OpenAPI check. */
    public List<String> routes() {
        return RouteList.of(server);
    }

    @Override
    public void close() {
        latency.close();
        if (server != null) {
            server.stop();
        }
    }

    /** A route without authentication (health, metrics, the OpenAPI document): GET, taking no query parameters. */
    private static void open(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, QueryParameters.only(handler));
    }

    /** A viewer's route: GET, and HEAD (the same without the body) with the same role; only the query parameters named. */
    private static void read(RoutesConfig routes, String path, Handler handler, String... parameters) {
        Handler checked = QueryParameters.only(handler, parameters);
        routes.get(path, checked, Role.VIEWER);
        routes.head(path, checked, Role.VIEWER);
    }

    /** A state-changing route with the role it needs; only the query parameters named. */
    private static void change(RoutesConfig routes, HandlerType method, String path, Handler handler, Role role, String... parameters) {
        routes.addHttpHandler(method, path, QueryParameters.only(handler, parameters), role);
    }

    /**
     * The role the matched route was registered with (its template decides, never the raw
     * path, which Javalin matches with or without a trailing slash); an admin route
     * registered without one needs the highest role, so that a forgotten role fails closed.
     */
    private static Role needed(Set<RouteRole> declared) {
        return declared.stream().filter(Role.class::isInstance).map(Role.class::cast).max(Comparator.naturalOrder()).orElse(Role.ADMIN);
    }
}

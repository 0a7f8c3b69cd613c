package io.ringbook.gateway.rest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.views.marketdata.DepthBook;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.views.marketdata.TradesView;
import io.ringbook.views.orders.EventHistory;
import io.ringbook.views.ReadModels;
import io.ringbook.views.orders.OrderViews;
import io.ringbook.views.positions.PositionsView;
import io.ringbook.web.ApiException;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;
import io.ringbook.web.HttpServers;
import io.ringbook.web.QueryParameters;
import io.ringbook.web.RouteList;

import java.util.List;
import java.util.Map;

/**
 * The REST order gateway of API.md (port 8080 in the demo profile). Requests are
 * validated at the edge, published to the engine and answered when the engine's
 * decision comes back ({@code ctx.future}), so no HTTP thread waits per order. Orders,
 * fills and positions need {@code X-API-Key}; market data and time do not.
 */
public final class RestGateway implements AutoCloseable {

    private static final String STREAM_ACCOUNT = "ringbook.streamAccount";
    private static final List<String> STREAM_PARAMETERS = List.of("apiKey");
    private static final String STREAM_ADDRESS = "ringbook.streamAddress";

    private final ReferenceData referenceData;
    private final ApiKeys keys;
    private final ReadModels views;
    private final OrderViews orders;
    private final PositionsView positions;
    private final DepthBook depth;
    private final TradesView trades;
    private final OrderJson orderJson;
    private final StreamHub streams;
    private final RateLimits.Buckets rateLimits;
    private final RiskStatus risk;
    private final StreamLimits streamLimits;
    private final EngineDoor engine = new EngineDoor();
    private Javalin server;
    private boolean logRequests = true;
    private volatile EventHistory history = EventHistory.NONE;

    /** @param risk the risk engine's published state, for the account's limits and breakers and the symbols' halts */
    public RestGateway(ReferenceData referenceData, ApiKeys keys, RateLimits limits, RiskStatus risk) {
        this(referenceData, keys, limits, risk, EpochClock.system());
    }

    /** @param clock the wall clock market data is current to (the 24-hour volume lapses with it) and rate limits refill by, the engine's in tests */
    public RestGateway(ReferenceData referenceData, ApiKeys keys, RateLimits limits, RiskStatus risk, EpochClock clock) {
        this.referenceData = referenceData;
        this.risk = risk;
        this.streamLimits = limits.streams();
        this.keys = keys;
        this.rateLimits = limits.buckets(keys::account, referenceData.accounts().size(), clock);
        this.views = new ReadModels(referenceData.accounts().size(), referenceData.symbols().size(), clock);
        this.orders = views.orders();
        this.positions = views.positions();
        this.depth = views.depth();
        this.trades = views.trades();
        this.orderJson = new OrderJson(referenceData, new RejectText(referenceData, risk));
        this.streams = new StreamHub(referenceData, depth, trades, orders, orderJson, limits.streams());
        depth.listener(streams);
    }

    /**
     * Before {@link #start}: no access-log line for this door's requests. For a scratch
     * engine's door (the start's warm-up), whose requests are not the venue's.
     */
    public void withoutRequestLog() {
        logRequests = false;
    }

    /** The read models this gateway keeps and registers among its {@link #listeners()}; the admin API reads them too. */
    public ReadModels readModels() {
        return views;
    }

    /** The read models to register with the pipeline (and to feed the output journal on start) before the gateway opens. */
    public List<EngineListener> listeners() {
        return List.of(orders, positions, depth, trades, streams);
    }

    /**
     * Opens the port; returns the port bound (useful with port 0). Until {@link #open}
     * every {@code /api/v1} request is answered 503 with {@code Retry-After}: the engine
     * is recovering and the read models are being rebuilt.
     */
    public int start(String host, int port) {
        OrderRoutes orderRoutes = new OrderRoutes(referenceData, keys, orders, orderJson, engine, () -> history);
        MarketRoutes market = new MarketRoutes(referenceData, depth, trades, risk);
        AccountRoutes account = new AccountRoutes(referenceData, keys, orders, positions, risk, () -> history);
        server = Javalin.create(config -> {
            HttpServers.configure(config, host, port, "gateway", ctx -> {
                Integer who = ctx.attribute(ApiKeys.ACCOUNT);
                return who == null ? null : referenceData.accounts().name(who);
            }, logRequests);
            // one before-handler, not two: Javalin matches every before-handler's path against every request
            config.routes.before("/api/v1/*", ctx -> {
                rateLimits.take(ctx);
                engine.requireOpen();
            });
            config.routes.post("/api/v1/orders", only(orderRoutes::place));
            config.routes.get("/api/v1/orders", only(orderRoutes::query, "clOrdId", "status", "symbol", "limit", "from", "to", "fromId"));
            config.routes.delete("/api/v1/orders", only(orderRoutes::cancelByQuery, "clOrdId", "symbol", "all"));
            config.routes.get("/api/v1/orders/{orderId}", only(orderRoutes::get));
            config.routes.patch("/api/v1/orders/{orderId}", only(orderRoutes::amend));
            config.routes.delete("/api/v1/orders/{orderId}", only(orderRoutes::cancel));
            config.routes.post("/api/v1/cancel-all-after", only(orderRoutes::cancelAllAfter));
            config.routes.get("/api/v1/fills", only(account::fills, "symbol", "limit", "from", "to", "fromId"));
            config.routes.get("/api/v1/positions", only(account::positions));
            config.routes.get("/api/v1/account", only(account::account));
            config.routes.get("/api/v1/book/{symbol}", only(market::book, "depth"));
            config.routes.get("/api/v1/ticker/{symbol}", only(market::ticker));
            config.routes.get("/api/v1/trades/{symbol}", only(market::trades, "limit"));
            config.routes.get("/api/v1/symbols", only(market::symbols));
            config.routes.get("/api/v1/time", only(market::time));
            config.routes.wsBeforeUpgrade("/api/v1/stream", this::beforeUpgrade);
            config.routes.ws("/api/v1/stream", ws -> {
                ws.onConnect(ctx -> streams.connected(ctx, ctx.attribute(STREAM_ACCOUNT), ctx.attribute(STREAM_ADDRESS)));
                ws.onMessage(ctx -> streams.message(ctx, ctx.message()));
                ws.onClose(streams::closed);
            });
        }).start();
        return server.port();
    }

    /** The HTTP routes this gateway serves, as {@code "METHOD /path"}, for the OpenAPI check. */
    public List<String> routes() {
        return RouteList.of(server);
    }

    /**
     * Where order and fill queries with {@code from}, {@code to} or {@code fromId} read
     * history, and where an order no longer kept in memory is looked up by its id.
     */
    public void history(EventHistory events) {
        this.history = events;
        orders.history(events);
    }

    /** Recovery is done: orders flow to {@code publisher} and the read models are current. */
    public void open(CommandPublisher publisher) {
        engine.open(publisher);
    }

    /** A route taking only the query parameters named (API.md: any other is 400 {@code UNKNOWN_FIELD}). */
    private static Handler only(Handler handler, String... parameters) {
        return QueryParameters.only(handler, parameters);
    }

    /** Rate-limit buckets and abuse records held now. */
    int rateLimitBuckets() {
        return rateLimits.size();
    }

    /** The gateway's health for the admin API: open WebSocket sessions, their outbound queues and the sessions cut off as slow (DEGRADED once stopped). */
    public HealthComponent health() {
        return HealthComponent.of("restGateway", false, () -> {
            boolean serving = server != null && server.jettyServer().server().isRunning();
            return new HealthCheck(serving ? HealthStatus.UP : HealthStatus.DOWN, Map.of("port", server == null ? 0 : server.port(),
                    "streamSessions", streams.sessions(), "deepestStreamQueueBytes", streams.deepestQueueBytes(),
                    "streamQueueCapacityBytes", streamLimits.queueBytes(), "slowConsumersClosed", streams.slowConsumersClosed()));
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        streams.close();
    }

    /**
     * A stream upgrade: 503 while recovering, the query rate limits, the key (and the
     * signature, for an account that signs) as for REST, then a place within the
     * session caps (429 otherwise). The account and address go to the session.
     */
    private void beforeUpgrade(Context ctx) {
        try {
            QueryParameters.check(ctx, STREAM_PARAMETERS);
            engine.requireOpen();
            rateLimits.take(ctx);
            int account = keys.streamAccountOf(ctx);
            if (!streams.hasRoom(account, ctx.ip())) {
                throw new ApiException(429, "RATE_LIMITED", "too many stream sessions for this key or address");
            }
            ctx.attribute(STREAM_ACCOUNT, account);
            ctx.attribute(STREAM_ADDRESS, ctx.ip());
        } catch (ApiException refused) {
            HttpJson.refuseUpgrade(ctx, refused);
        }
    }
}

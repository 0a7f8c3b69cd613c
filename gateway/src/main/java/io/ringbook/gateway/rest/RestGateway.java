package io.ringbook.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.marketdata.DepthBook;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EngineBusyException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REST order gateway of API.md on port 8080 (a first part: place, query and cancel
 * orders; book, symbols, time). Requests are validated at the edge, published to the
 * engine and answered when the engine's decision comes back ({@code ctx.future}), so no
 * HTTP thread waits per order. Orders need {@code X-API-Key}; market data and time do not.
 */
public final class RestGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String ANSWERED = "ringbook.answered";

    private final ReferenceData referenceData;
    private final ApiKeys keys;
    private final OrderViews orders = new OrderViews();
    private final DepthBook depth;
    private final OrderRequests requests;
    private final OrderJson orderJson;
    private Javalin server;
    private CommandPublisher publisher;

    public RestGateway(ReferenceData referenceData, ApiKeys keys) {
        this.referenceData = referenceData;
        this.keys = keys;
        this.depth = new DepthBook(referenceData.symbols().size());
        this.requests = new OrderRequests(referenceData.symbols());
        this.orderJson = new OrderJson(referenceData);
    }

    /** The read models to register with the pipeline before it starts: order states, then market depth. */
    public List<EngineListener> listeners() {
        return List.of(orders, depth);
    }

    /** Opens the port; returns the port bound (useful with port 0). */
    public int start(CommandPublisher commands, String host, int port) {
        this.publisher = commands;
        server = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.routes.before(RestGateway::commonHeaders);
            config.routes.post("/api/v1/orders", this::placeOrder);
            config.routes.get("/api/v1/orders/{orderId}", this::getOrder);
            config.routes.delete("/api/v1/orders/{orderId}", this::cancelOrder);
            config.routes.get("/api/v1/book/{symbol}", this::book);
            config.routes.get("/api/v1/symbols", this::symbols);
            config.routes.get("/api/v1/time", this::time);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "INTERNAL", "the gateway failed: " + e.getClass().getSimpleName()));
            config.routes.error(404, "*", ctx -> unanswered(ctx, 404, "NOT_FOUND", "no such route"));
            config.routes.error(405, "*", ctx -> unanswered(ctx, 405, "METHOD_NOT_ALLOWED", "method not allowed here"));
        }).start();
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    private void placeOrder(Context ctx) {
        int account = authenticate(ctx);
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send the order as application/json");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "bodies are limited to 64 KiB");
        }
        OrderRequests.NewOrder order = requests.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        answer(ctx, publisher.submit(slot -> order.writeTo(slot, account)), events -> {
            EngineEvent first = events.get(0);
            EngineEvent state = latest(events, first.orderId);
            ctx.status(first.type == EventType.ORDER_REJECTED ? 422 : 201);
            json(ctx, orderJson.render(state, fillsOf(events, first.orderId), order));
        });
    }

    private void getOrder(Context ctx) {
        int account = authenticate(ctx);
        OrderViews.View view = ownOrder(ctx, account);
        json(ctx, orderJson.render(view.state(), view.fills(), null));
    }

    private void cancelOrder(Context ctx) {
        int account = authenticate(ctx);
        OrderViews.View view = ownOrder(ctx, account);
        if (!view.state().status.isOpen()) {
            throw new ApiException(409, "TOO_LATE_TO_CANCEL", "order " + view.state().orderId + " is " + view.state().status);
        }
        long orderId = view.state().orderId;
        answer(ctx, publisher.submit(slot -> slot.cancel(account, orderId)), events -> {
            EngineEvent outcome = events.get(0);
            if (outcome.type == EventType.CANCEL_REJECTED) {
                throw outcome.rejectReason == RejectReason.TOO_LATE_TO_CANCEL
                        ? new ApiException(409, "TOO_LATE_TO_CANCEL", "order " + orderId + " is already done")
                        : new ApiException(404, "UNKNOWN_ORDER", "no open order " + orderId);
            }
            json(ctx, orderJson.render(outcome, orders.find(orderId).map(OrderViews.View::fills).orElse(List.of()), null));
        });
    }

    private void book(Context ctx) {
        SymbolSpec symbol = referenceData.symbols().find(ctx.pathParam("symbol"))
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_SYMBOL", "no symbol " + ctx.pathParam("symbol")));
        int levels = intParam(ctx, "depth", 10, 1, 1000);
        long[] prices = new long[levels];
        long[] quantities = new long[levels];
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("symbol", symbol.name());
        json.put("sequence", depth.sequence(symbol.id()));
        for (Side side : Side.values()) {
            ArrayNode array = json.putArray(side == Side.BUY ? "bids" : "asks");
            int n = depth.depth(symbol.id(), side, prices, quantities);
            for (int i = 0; i < n; i++) {
                array.addArray().add(symbol.price(prices[i]).toPlainString()).add(symbol.qty(quantities[i]).toPlainString());
            }
        }
        json(ctx, json);
    }

    private void symbols(Context ctx) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (SymbolSpec s : referenceData.symbols().all()) {
            ObjectNode symbol = json.addObject();
            symbol.put("symbol", s.name());
            symbol.put("tickSize", s.tickSize().toPlainString());
            symbol.put("lotSize", s.lotSize().toPlainString());
            symbol.put("makerFee", java.math.BigDecimal.valueOf(s.makerFeePpm(), 6).stripTrailingZeros().toPlainString());
            symbol.put("takerFee", java.math.BigDecimal.valueOf(s.takerFeePpm(), 6).stripTrailingZeros().toPlainString());
            symbol.put("tradingHours", "24/7");
            symbol.put("halted", false);
        }
        json(ctx, json);
    }

    private void time(Context ctx) {
        long nanos = System.currentTimeMillis() * 1_000_000L;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("epochMillis", nanos / 1_000_000L);
        json.put("time", EventTime.iso(nanos));
        json(ctx, json);
    }

    /** Answers when the engine has decided, or 503 (ring full) / 504 (no answer in time). */
    private void answer(Context ctx, CompletableFuture<List<EngineEvent>> outcome, java.util.function.Consumer<List<EngineEvent>> reply) {
        ctx.future(() -> outcome.orTimeout(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).handle((events, failure) -> {
            try {
                if (failure == null) {
                    reply.accept(events);
                } else {
                    failed(ctx, failure instanceof CompletionException ? failure.getCause() : failure);
                }
            } catch (ApiException refused) {
                error(ctx, refused.status(), refused.code(), refused.getMessage());
            }
            return null;
        }));
    }

    private static void failed(Context ctx, Throwable failure) {
        if (failure instanceof EngineBusyException) {
            ctx.header("Retry-After", "1");
            error(ctx, 503, "UNAVAILABLE", "the engine is busy; retry");
        } else if (failure instanceof TimeoutException) {
            error(ctx, 504, "TIMEOUT", "the engine did not answer in time; query the order by clOrdId");
        } else {
            error(ctx, 500, "INTERNAL", "the gateway failed: " + failure.getClass().getSimpleName());
        }
    }

    private int authenticate(Context ctx) {
        return keys.account(ctx.header("X-API-Key"))
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED", "a valid X-API-Key header is required"));
    }

    private OrderViews.View ownOrder(Context ctx, int account) {
        long orderId;
        try {
            orderId = Long.parseLong(ctx.pathParam("orderId"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_FIELD", "orderId must be a number");
        }
        return orders.find(orderId).filter(view -> view.state().accountId == account)
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_ORDER", "no order " + orderId));
    }

    private static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_FIELD", name + " must be a whole number from " + min + " to " + max);
    }

    private static EngineEvent latest(List<EngineEvent> events, long orderId) {
        EngineEvent latest = null;
        for (EngineEvent event : events) {
            if (event.orderId == orderId) {
                latest = event;
            }
        }
        return latest;
    }

    private static List<EngineEvent> fillsOf(List<EngineEvent> events, long orderId) {
        List<EngineEvent> fills = new ArrayList<>();
        for (EngineEvent event : events) {
            if (event.type == EventType.ORDER_FILLED && event.orderId == orderId) {
                fills.add(event);
            }
        }
        return fills;
    }

    private static void commonHeaders(Context ctx) {
        String requestId = ctx.header("X-Request-Id");
        ctx.header("X-Request-Id", requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /** Error handlers run for every response with their status: answer only what no route answered. */
    private static void unanswered(Context ctx, int status, String code, String message) {
        if (ctx.attribute(ANSWERED) == null) {
            error(ctx, status, code, message);
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ctx.status(status);
        json(ctx, body);
    }

    private static void json(Context ctx, Object body) {
        try {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            ctx.contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.EngineBusyException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** What every route of the gateway shares: JSON bodies and errors, headers, and answering from the engine's outcome. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String ANSWERED = "ringbook.answered";

    private Http() {
    }

    /** The body of a JSON request, refused with 415 or 413 before it is read any further. */
    static String jsonBody(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "bodies are limited to 64 KiB");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Answers when the engine has decided, or 503 (ring full) / 504 (no answer in time). */
    static void answer(Context ctx, CompletableFuture<List<EngineEvent>> outcome, Consumer<List<EngineEvent>> reply) {
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

    /** The symbol named in a path or query; 404 {@code UNKNOWN_SYMBOL} if there is none. */
    static SymbolSpec symbol(ReferenceData referenceData, String name) {
        return referenceData.symbols().find(name)
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_SYMBOL", "no symbol " + name));
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
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

    /** The order's latest event among a command's outcome. */
    static EngineEvent latest(List<EngineEvent> events, long orderId) {
        EngineEvent latest = null;
        for (EngineEvent event : events) {
            if (event.orderId == orderId) {
                latest = event;
            }
        }
        return latest;
    }

    /** The order's fills among a command's outcome. */
    static List<EngineEvent> fillsOf(List<EngineEvent> events, long orderId) {
        List<EngineEvent> fills = new ArrayList<>();
        for (EngineEvent event : events) {
            if (event.type == EventType.ORDER_FILLED && event.orderId == orderId) {
                fills.add(event);
            }
        }
        return fills;
    }

    static void commonHeaders(Context ctx) {
        String requestId = ctx.header("X-Request-Id");
        ctx.header("X-Request-Id", requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /** Error handlers run for every response with their status: answer only what no route answered. */
    static void unanswered(Context ctx, int status, String code, String message) {
        if (ctx.attribute(ANSWERED) == null) {
            error(ctx, status, code, message);
        }
    }

    static void error(Context ctx, int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ctx.status(status);
        json(ctx, body);
    }

    static void json(Context ctx, Object body) {
        try {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            ctx.contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
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
}

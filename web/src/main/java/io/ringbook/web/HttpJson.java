package io.ringbook.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.pipeline.CommandTooLongException;
import io.ringbook.engine.pipeline.EngineBusyException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What both HTTP APIs (orders on 8080, operators on 8081) do alike: JSON bodies and the
 * contract's error shape, the common headers, and answering asynchronously from an
 * engine command's outcome with 503 for a full ring and 504 when no answer comes.
 */
public final class HttpJson {

    /** Writes response bodies; readers of request bodies configure their own strictness. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;
    private static final AnswerDeadlines DEADLINES = new AnswerDeadlines(ANSWER_TIMEOUT_MILLIS);
    /** The largest body a request may carry (413 {@code PAYLOAD_TOO_LARGE} above it). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String ANSWERED = "ringbook.answered";
    /** Javalin compresses answers from this size on (its default minimum); smaller ones are written directly. */
    private static final int UNCOMPRESSED_BYTES = 1500;
    private static final String BODY = "ringbook.body";
    /** Where answers are rendered and written: one thread per core, so replies never queue behind one another for long. */
    private static final Executor REPLIES = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "ringbook-http-reply");
        thread.setDaemon(true);
        return thread;
    });

    private HttpJson() {
    }

    /** The body of a JSON request, refused with 415 or 413 before it is read any further. */
    public static String jsonBody(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
        }
        return body(ctx);
    }

    /**
     * The request's body as text, read once and kept on the request (the signature check
     * and the route both need it): refused with 413 above 64 KiB, from its declared
     * length before anything is read. Read here rather than by Javalin's
     * {@code ctx.body()}, which copies every body through an 8 KiB buffer allocated per
     * request and a growing array; so nothing may call {@code ctx.body()} on these APIs.
     */
    public static String body(Context ctx) {
        String read = ctx.attribute(BODY);
        if (read != null) {
            return read;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            InputStream in = ctx.req().getInputStream();
            bytes = in.readNBytes(declared >= 0 ? (int) declared : MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        ctx.attribute(BODY, body);
        return body;
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", "bodies are limited to 64 KiB");
    }

    /**
     * Answers when the engine has decided, or 503 (ring full) / 504 (no answer in time) /
     * 413 (a command longer than a cluster gateway carries).
     * The answer is rendered and written on the reply threads, never on the engine's
     * outbound thread that completes the outcome: rendering JSON and writing sockets there
     * would make every other listener (the output journal first) wait for HTTP.
     */
    public static void answer(Context ctx, CompletableFuture<List<EngineEvent>> outcome, Consumer<List<EngineEvent>> reply) {
        ctx.future(() -> DEADLINES.within(outcome).handleAsync((events, failure) -> {
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
        }, REPLIES));
    }

    public static void commonHeaders(Context ctx) {
        String requestId = ctx.header("X-Request-Id");
        ctx.header("X-Request-Id", requestId == null || requestId.isBlank() ? newRequestId() : requestId);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * A request id for a request that brought none: a version-4 UUID from
     * {@link ThreadLocalRandom}, since it must be unique, not unguessable ({@link UUID#randomUUID}
     * draws on the shared {@code SecureRandom}, a lock and a cost on every request).
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Error handlers run for every response with their status: answer only what no route answered. */
    public static void unanswered(Context ctx, int status, String code, String message) {
        if (ctx.attribute(ANSWERED) == null) {
            error(ctx, status, code, message);
        }
    }

    /** The contract's error body; a 503 also says when to retry. */
    public static void error(Context ctx, int status, String code, String message) {
        if (status == 503) {
            ctx.header("Retry-After", "1");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ctx.status(status);
        json(ctx, body);
    }

    /**
     * Refuses a WebSocket upgrade with the contract's error body and the common headers:
     * the upgrade's context sends a status only, so the body is written to the response
     * itself.
     */
    public static void refuseUpgrade(Context ctx, ApiException refused) {
        commonHeaders(ctx);
        if (refused.status() == 503) {
            ctx.header("Retry-After", "1");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", refused.code()).put("message", refused.getMessage());
        ctx.status(refused.status());
        ctx.contentType("application/json");
        try {
            ctx.res().getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
            ctx.res().flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.skipRemainingHandlers();
    }

    public static void json(Context ctx, Object body) {
        try {
            byte[] utf8Json = JSON.writeValueAsBytes(body);
            rendered(ctx, utf8Json, utf8Json.length);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** A body written by {@code body} with Jackson's streaming generator into this thread's reusable buffer, then answered. */
    public static void rendered(Context ctx, JsonBody body) {
        ReplyBuffer buffer = ReplyBuffer.empty();
        try (JsonGenerator json = JSON.getFactory().createGenerator(buffer, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render an answer", e);
        }
        rendered(ctx, buffer.array(), buffer.size());
    }

    /**
     * Answers with {@code utf8Json[0 .. length)}. One too small for Javalin to compress is
     * written to the response here (Jetty buffers it and adds the length), rather than handed to Javalin as a
     * result, which it would copy through a buffer allocated per response after checking
     * whether to compress it; a larger one goes through Javalin (and its compression),
     * copied, since the array may be a reused buffer.
     */
    private static void rendered(Context ctx, byte[] utf8Json, int length) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.contentType("application/json");
        if (length >= UNCOMPRESSED_BYTES) {
            ctx.result(length == utf8Json.length ? utf8Json : Arrays.copyOf(utf8Json, length));
            return;
        }
        try {
            // no length set here: a response whose declared length is written in full is completed by Jetty there and
            // then, before Javalin logs it; Jetty sets the length itself when the response closes with the body buffered
            ctx.res().getOutputStream().write(utf8Json, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void failed(Context ctx, Throwable failure) {
        if (failure instanceof EngineBusyException) {
            ctx.header("Retry-After", "1");
            error(ctx, 503, "UNAVAILABLE", failure.getMessage() + "; retry later");
        } else if (failure instanceof CommandTooLongException) {
            error(ctx, 413, "PAYLOAD_TOO_LARGE", failure.getMessage());
        } else if (failure instanceof TimeoutException) {
            error(ctx, 504, "TIMEOUT", "the engine did not answer in time; query the order by clOrdId");
        } else {
            error(ctx, 500, "INTERNAL", "the gateway failed: " + failure.getClass().getSimpleName());
        }
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Real WebSocket clients (the JDK's) for the stream tests: one that reads every frame, one that reads nothing. */
final class WsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WsClient() {
    }

    static WebSocket connect(GatewayFixture gateway, String key, WebSocket.Listener listener) throws Exception {
        return connect(gateway, Map.of("X-API-Key", key), listener);
    }

    static WebSocket connect(GatewayFixture gateway, Map<String, String> headers, WebSocket.Listener listener) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        return builder.buildAsync(URI.create(gateway.base().replace("http", "ws") + "/api/v1/stream"), listener)
                .get(5, TimeUnit.SECONDS);
    }

    /** The HTTP status of a refused upgrade. */
    static int refusedWith(ExecutionException refused) {
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    static void send(WebSocket ws, String text) throws Exception {
        ws.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** A listener that records how the server closed the session: its close code, or the failure if it never said. */
    abstract static class Closing implements WebSocket.Listener {
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    /** Collects text frames as parsed JSON, and the close code. */
    static final class Frames extends Closing {
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonNode next() throws Exception {
            String text = texts.poll(5, TimeUnit.SECONDS);
            assertNotNull(text, "a frame within 5 s");
            return JSON.readTree(text);
        }

        /** The next frame that matches, skipping others (each within 5 s). */
        JsonNode next(Predicate<JsonNode> wanted) throws Exception {
            JsonNode frame = next();
            while (!wanted.test(frame)) {
                frame = next();
            }
            return frame;
        }

        /** A frame already received, without waiting; null if none. */
        JsonNode poll() throws Exception {
            String text = texts.poll();
            return text == null ? null : JSON.readTree(text);
        }
    }

    /** A client that reads nothing until told to: its socket and then its server-side queue fill up. */
    static final class Stalled extends Closing {

        @Override
        public void onOpen(WebSocket webSocket) {
            // no request(): nothing is read
        }
    }

    static Predicate<JsonNode> type(String type) {
        return frame -> frame.get("type").asText().equals(type);
    }
}

package io.ringbook.gateway.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestSigningTest {

    private static final String SECRET = "t1-secret";
    private static final String BODY = "{\"clOrdId\":\"s-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"5\",\"qty\":\"1\"}";

    @Test
    void shouldAcceptASignedRequestOnceAndRefuseUnsignedStaleOrReplayedOnes() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture(RateLimits.DEMO, new RequestSigning(Map.of(0, SECRET)))) {
            String now = Long.toString(System.currentTimeMillis());
            String signature = RequestSigning.sign(SECRET, now + "POST/api/v1/orders" + BODY);
            assertEquals(201, send(gateway, "t1-key", now, signature, BODY).statusCode());
            HttpResponse<String> replay = send(gateway, "t1-key", now, signature, BODY);
            assertEquals(401, replay.statusCode());
            assertTrue(replay.body().contains("used already"), replay.body());
            assertEquals(401, send(gateway, "t1-key", null, null, BODY).statusCode(), "unsigned");
            String stale = Long.toString(System.currentTimeMillis() - 60_000);
            assertEquals(401, send(gateway, "t1-key", stale, RequestSigning.sign(SECRET, stale + "POST/api/v1/orders" + BODY), BODY).statusCode());
            String later = Long.toString(System.currentTimeMillis());
            assertEquals(401, send(gateway, "t1-key", later, RequestSigning.sign(SECRET, later + "POST/api/v1/orders" + BODY),
                    BODY.replace("\"5\"", "\"6\"")).statusCode(), "a body that is not the one signed");
            assertEquals(201, send(gateway, "t2-key", null, null, BODY).statusCode(), "an account without a secret does not sign");
        }
    }

    @Test
    void shouldOpenASigningAccountsStreamOnlyWithASignedUpgrade() throws Exception {
        try (GatewayFixture gateway = new GatewayFixture(RateLimits.DEMO, new RequestSigning(Map.of(0, SECRET)))) {
            assertEquals(401, WsClient.refusedWith(assertThrows(ExecutionException.class,
                    () -> WsClient.connect(gateway, "t1-key", new WsClient.Frames()))), "the key alone");
            assertEquals(401, WsClient.refusedWith(assertThrows(ExecutionException.class, () -> WsClient.connect(gateway,
                    Map.of("X-API-Key", "t1-key", "X-Timestamp", "1", "X-Signature", "00"), new WsClient.Frames()))), "a bad signature");
            String now = Long.toString(System.currentTimeMillis());
            Map<String, String> signed = Map.of("X-API-Key", "t1-key", "X-Timestamp", now,
                    "X-Signature", RequestSigning.sign(SECRET, now + "GET/api/v1/stream"));
            String other = Long.toString(System.currentTimeMillis() + 1);
            assertEquals(401, WsClient.refusedWith(assertThrows(ExecutionException.class, () -> WsClient.connect(gateway,
                    Map.of("X-API-Key", "t1-key", "X-Timestamp", other, "X-Signature", RequestSigning.sign(SECRET, other + "POST/api/v1/stream")),
                    new WsClient.Frames()))), "signed as another method");
            WsClient.Frames frames = new WsClient.Frames();
            WebSocket ws = WsClient.connect(gateway, signed, frames);
            WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"orders\"}");
            assertEquals("subscribed", frames.next().get("type").asText());
            assertEquals(401, WsClient.refusedWith(assertThrows(ExecutionException.class,
                    () -> WsClient.connect(gateway, signed, new WsClient.Frames()))), "a replayed upgrade");
            WsClient.connect(gateway, "t2-key", new WsClient.Frames());
        }
    }

    private static HttpResponse<String> send(GatewayFixture gateway, String key, String timestamp, String signature, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("X-API-Key", key).header("Content-Type", "application/json");
        if (timestamp != null) {
            request.header("X-Timestamp", timestamp).header("X-Signature", signature);
        }
        return gateway.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

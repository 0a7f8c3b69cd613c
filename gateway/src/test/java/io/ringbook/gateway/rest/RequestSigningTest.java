package io.ringbook.gateway.rest;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

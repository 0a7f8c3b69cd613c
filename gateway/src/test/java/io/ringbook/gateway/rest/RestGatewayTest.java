package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway on a free port in front of the real pipeline, spoken to over HTTP as a client does. */
class RestGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldRestAnOrderThenFillItAndShowBothSidesTheirState() throws Exception {
        GatewayFixture.Reply resting = gateway.post("t1-key", "{\"clOrdId\":\"c-1\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"99\",\"qty\":\"2\"}");
        assertEquals(201, resting.status(), resting.body().toString());
        assertEquals("NEW", resting.body().get("status").asText());
        assertEquals("GTC", resting.body().get("timeInForce").asText());
        assertEquals("2", resting.body().get("leavesQty").asText());
        assertTrue(resting.body().get("avgPrice").isNull());
        assertTrue(resting.body().get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"));

        GatewayFixture.Reply taking = gateway.post("t2-key", "{\"clOrdId\":\"c-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":100,\"qty\":\"5\"}");
        assertEquals(201, taking.status());
        assertEquals("PARTIALLY_FILLED", taking.body().get("status").asText());
        assertEquals("2", taking.body().get("filledQty").asText());
        assertEquals("3", taking.body().get("leavesQty").asText());
        assertEquals("99.00000000", taking.body().get("avgPrice").asText());
        assertEquals("TAKER", taking.body().get("fills").get(0).get("liquidity").asText());
        assertEquals("99", taking.body().get("fills").get(0).get("price").asText());

        GatewayFixture.Reply maker = gateway.get("t1-key", "/api/v1/orders/" + resting.body().get("orderId").asLong());
        assertEquals(200, maker.status());
        assertEquals("FILLED", maker.body().get("status").asText());
        assertEquals("MAKER", maker.body().get("fills").get(0).get("liquidity").asText());
        assertEquals(404, gateway.get("t2-key", "/api/v1/orders/" + resting.body().get("orderId").asLong()).status(), "another account's order");
        assertEquals("UNKNOWN_ORDER", gateway.get("t2-key", "/api/v1/orders/999").body().get("error").get("code").asText());
    }

    @Test
    void shouldCancelAnOpenOrderOnceAndRefuseTheSecondCancel() throws Exception {
        long orderId = gateway.post("t1-key", "{\"clOrdId\":\"c-2\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"30000.25\",\"qty\":\"0.5\"}")
                .body().get("orderId").asLong();
        GatewayFixture.Reply book = gateway.get(null, "/api/v1/book/BTC-USD?depth=5");
        assertEquals("[[\"30000.25\",\"0.5000\"]]", book.body().get("bids").toString());
        assertEquals(1, book.body().get("sequence").asLong());

        GatewayFixture.Reply canceled = gateway.send("DELETE", "t1-key", "/api/v1/orders/" + orderId, null, null);
        assertEquals(200, canceled.status(), canceled.body().toString());
        assertEquals("CANCELED", canceled.body().get("status").asText());
        assertEquals("USER", canceled.body().get("cancelReason").asText());
        GatewayFixture.Reply again = gateway.send("DELETE", "t1-key", "/api/v1/orders/" + orderId, null, null);
        assertEquals(409, again.status());
        assertEquals("TOO_LATE_TO_CANCEL", again.body().get("error").get("code").asText());
        assertEquals("[]", gateway.get(null, "/api/v1/book/BTC-USD").body().get("bids").toString());
    }

    @Test
    void shouldRefuseBadInputAtTheEdgeWithTheContractsCodes() throws Exception {
        GatewayFixture.assertError(400, "UNKNOWN_FIELD", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\",\"colour\":\"red\"}"));
        GatewayFixture.assertError(400, "INVALID_PRICE", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100.001\",\"qty\":\"1\"}"));
        GatewayFixture.assertError(400, "INVALID_PRICE", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"NaN\",\"qty\":\"1\"}"));
        GatewayFixture.assertError(400, "INVALID_QTY", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1e999999\"}"));
        GatewayFixture.assertError(400, "INVALID_QTY", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"0\"}"));
        GatewayFixture.assertError(400, "INVALID_ORDER", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":\"1\",\"timeInForce\":\"GTC\"}"));
        GatewayFixture.assertError(400, "INVALID_ORDER", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\",\"timeInForce\":\"GTD\"}"));
        GatewayFixture.assertError(400, "MISSING_FIELD", gateway.post("t1-key", "{\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}"));
        GatewayFixture.assertError(400, "INVALID_CLORDID", gateway.post("t1-key", "{\"clOrdId\":\"" + "x".repeat(37) + "\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}"));
        GatewayFixture.assertError(400, "INVALID_FIELD", gateway.post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"UP\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}"));
        GatewayFixture.assertError(400, "MALFORMED_JSON", gateway.post("t1-key", "{\"clOrdId\":"));
        GatewayFixture.assertError(401, "UNAUTHORIZED", gateway.post("nope", "{}"));
        GatewayFixture.assertError(415, "UNSUPPORTED_MEDIA_TYPE", gateway.send("POST", "t1-key", "/api/v1/orders", "text/plain", "{}"));
        GatewayFixture.assertError(413, "PAYLOAD_TOO_LARGE", gateway.post("t1-key", "{\"clOrdId\":\"" + "x".repeat(70_000) + "\"}"));
        assertEquals("[]", gateway.get(null, "/api/v1/book/TEST").body().get("bids").toString(), "nothing reached the engine");
    }

    /**
     * Jetty runs a few request threads per core (HttpServers), far fewer than the
     * connections a load client keeps: 64 connections that each send an order before any
     * answer is read are all answered, by the gateway's own bounded pool.
     */
    @Test
    void shouldAnswerManyMoreConnectionsThanItHasRequestThreads() throws Exception {
        URI base = URI.create(gateway.base());
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                String body = "{\"clOrdId\":\"many-" + i + "\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"90\",\"qty\":\"1\"}";
                clients.add(sendRaw(base, ORDER_HEADERS + "Content-Length: " + body.length() + "\r\n\r\n" + body));
            }
            for (Socket client : clients) {
                assertEquals("HTTP/1.1 201 Created", statusLine(client));
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /**
     * Clients that send a body slowly (headers, then a byte, then nothing) hold no request
     * thread while it arrives: twice as many of them as the pool has threads, and a book GET
     * from another client is still answered.
     */
    @Test
    void shouldAnswerOthersWhileManyClientsSendTheirBodiesSlowly() throws Exception {
        URI base = URI.create(gateway.base());
        int cores = Runtime.getRuntime().availableProcessors();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * Math.max(8, 4 * cores); i++) {
                slow.add(sendRaw(base, ORDER_HEADERS + "Content-Length: 100\r\n\r\n{"));
            }
            try (Socket other = sendRaw(base, "GET /api/v1/book/TEST HTTP/1.1\r\nHost: x\r\n\r\n")) {
                assertEquals("HTTP/1.1 200 OK", statusLine(other));
            }
        } finally {
            for (Socket client : slow) {
                client.close();
            }
        }
    }

    private static final String ORDER_HEADERS =
            "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nX-API-Key: t1-key\r\nContent-Type: application/json\r\n";

    /** A connection of its own that has sent {@code request}, its answer read within 10 s. */
    private static Socket sendRaw(URI base, String request) throws IOException {
        Socket client = new Socket(base.getHost(), base.getPort());
        client.setSoTimeout(10_000);
        client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return client;
    }

    private static String statusLine(Socket client) throws IOException {
        return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Test
    void shouldReadABodySentWithoutADeclaredLengthAndRefuseOneOver64KiB() throws Exception {
        GatewayFixture.Reply placed = gateway.postChunked("t1-key",
                "{\"clOrdId\":\"chunked-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"99\",\"qty\":\"1\"}");
        assertEquals(201, placed.status(), placed.body().toString());
        assertEquals("chunked-1", placed.body().get("clOrdId").asText());
        GatewayFixture.assertError(413, "PAYLOAD_TOO_LARGE", gateway.postChunked("t1-key", "{\"clOrdId\":\"" + "x".repeat(70_000) + "\"}"));
    }

    @Test
    void shouldAnswerEngineRejectsWith422AndAnOrderId() throws Exception {
        GatewayFixture.Reply unknown = gateway.post("t1-key", "{\"clOrdId\":\"u-1\",\"symbol\":\"DOGE-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}");
        assertEquals(422, unknown.status(), unknown.body().toString());
        assertEquals("REJECTED", unknown.body().get("status").asText());
        assertEquals("UNKNOWN_SYMBOL", unknown.body().get("rejectReason").asText());
        assertEquals("DOGE-USD", unknown.body().get("symbol").asText());
        assertTrue(unknown.body().get("orderId").asLong() > 0);
        GatewayFixture.Reply fok = gateway.post("t1-key", "{\"clOrdId\":\"f-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\",\"timeInForce\":\"FOK\"}");
        assertEquals(422, fok.status());
        assertEquals("FOK_NOT_FILLED", fok.body().get("rejectReason").asText());
        assertEquals(200, gateway.get("t1-key", "/api/v1/orders/" + fok.body().get("orderId").asLong()).status(), "a rejected order can be fetched");
    }

    @Test
    void shouldCarryRequestIdsSecurityHeadersAndContractErrorsOnEveryRoute() throws Exception {
        HttpResponse<String> response = gateway.http().send(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/time"))
                .header("X-Request-Id", "req-42").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("req-42", response.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
        assertTrue(JSON.readTree(response.body()).get("epochMillis").asLong() > 0);
        GatewayFixture.assertError(404, "NOT_FOUND", gateway.get(null, "/api/v1/nothing-here"));
        GatewayFixture.assertError(405, "METHOD_NOT_ALLOWED", gateway.send("PUT", "t1-key", "/api/v1/symbols", "application/json", "{}"));
        GatewayFixture.assertError(404, "UNKNOWN_SYMBOL", gateway.get(null, "/api/v1/book/NOPE"));
        GatewayFixture.assertError(400, "INVALID_FIELD", gateway.get(null, "/api/v1/book/TEST?depth=0"));
        GatewayFixture.Reply symbols = gateway.get(null, "/api/v1/symbols");
        assertEquals("0.0001", symbols.body().get(0).get("lotSize").asText());
        assertEquals("TEST", symbols.body().get(2).get("symbol").asText());
    }

    @Test
    void shouldAnswerAnOrderWholeWithItsLengthAndStillCompressLargeAnswersForClientsThatAcceptIt() throws Exception {
        for (int price = 90; price < 96; price++) {
            gateway.limit("t1-key", "BUY", price, 1);
        }
        HttpResponse<byte[]> placed = gateway.http().send(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/orders"))
                .header("X-API-Key", "t1-key").header("Content-Type", "application/json").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clOrdId\":\"whole-1\",\"symbol\":\"TEST\",\"side\":\"BUY\","
                        + "\"type\":\"LIMIT\",\"price\":\"89\",\"qty\":\"1\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, placed.statusCode());
        assertEquals(placed.body().length, Long.parseLong(placed.headers().firstValue("Content-Length").orElseThrow()), "not chunked");
        assertTrue(placed.headers().firstValue("Content-Encoding").isEmpty(), "an order's answer is below the compression size");
        assertEquals("whole-1", JSON.readTree(placed.body()).get("clOrdId").asText());
        assertEquals("nosniff", placed.headers().firstValue("X-Content-Type-Options").orElseThrow());

        HttpResponse<byte[]> open = gateway.http().send(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/orders?status=OPEN"))
                .header("X-API-Key", "t1-key").header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, open.statusCode());
        assertEquals("gzip", open.headers().firstValue("Content-Encoding").orElseThrow(), "seven orders are over the compression size");
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(open.body()))) {
            assertEquals(7, JSON.readTree(unzipped).size());
        }
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway on a free port in front of the real pipeline, spoken to over HTTP as a client does. */
class RestGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private EnginePipeline pipeline;
    private RestGateway gateway;
    private String base;

    @BeforeEach
    void start() {
        ReferenceData demo = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3", "T4")));
        gateway = new RestGateway(demo, new ApiKeys(Map.of("t1-key", 0, "t2-key", 1)));
        EnginePipeline.Builder builder = EnginePipeline.builder(sink ->
                new BusinessLogic(demo.symbols(), 4, PreTradeCheck.ACCEPT_ALL, sink, 1024)).config(PipelineConfig.DEFAULTS);
        gateway.listeners().forEach(builder::listener);
        pipeline = builder.build().start();
        base = "http://127.0.0.1:" + gateway.start(pipeline.publisher(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        gateway.close();
        pipeline.close();
    }

    @Test
    void shouldRestAnOrderThenFillItAndShowBothSidesTheirState() throws Exception {
        Reply resting = post("t1-key", "{\"clOrdId\":\"c-1\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"99\",\"qty\":\"2\"}");
        assertEquals(201, resting.status, resting.body.toString());
        assertEquals("NEW", resting.body.get("status").asText());
        assertEquals("GTC", resting.body.get("timeInForce").asText());
        assertEquals("2", resting.body.get("leavesQty").asText());
        assertTrue(resting.body.get("avgPrice").isNull());
        assertTrue(resting.body.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z"));

        Reply taking = post("t2-key", "{\"clOrdId\":\"c-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":100,\"qty\":\"5\"}");
        assertEquals(201, taking.status);
        assertEquals("PARTIALLY_FILLED", taking.body.get("status").asText());
        assertEquals("2", taking.body.get("filledQty").asText());
        assertEquals("3", taking.body.get("leavesQty").asText());
        assertEquals("99.00000000", taking.body.get("avgPrice").asText());
        assertEquals("TAKER", taking.body.get("fills").get(0).get("liquidity").asText());
        assertEquals("99", taking.body.get("fills").get(0).get("price").asText());

        Reply maker = get("t1-key", "/api/v1/orders/" + resting.body.get("orderId").asLong());
        assertEquals(200, maker.status);
        assertEquals("FILLED", maker.body.get("status").asText());
        assertEquals("MAKER", maker.body.get("fills").get(0).get("liquidity").asText());
        assertEquals(404, get("t2-key", "/api/v1/orders/" + resting.body.get("orderId").asLong()).status, "another account's order");
        assertEquals("UNKNOWN_ORDER", get("t2-key", "/api/v1/orders/999").body.get("error").get("code").asText());
    }

    @Test
    void shouldCancelAnOpenOrderOnceAndRefuseTheSecondCancel() throws Exception {
        long orderId = post("t1-key", "{\"clOrdId\":\"c-2\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"30000.25\",\"qty\":\"0.5\"}")
                .body.get("orderId").asLong();
        Reply book = get(null, "/api/v1/book/BTC-USD?depth=5");
        assertEquals("[[\"30000.25\",\"0.5000\"]]", book.body.get("bids").toString());
        assertEquals(1, book.body.get("sequence").asLong());

        Reply canceled = send("DELETE", "t1-key", "/api/v1/orders/" + orderId, null, null);
        assertEquals(200, canceled.status, canceled.body.toString());
        assertEquals("CANCELED", canceled.body.get("status").asText());
        assertEquals("USER", canceled.body.get("cancelReason").asText());
        Reply again = send("DELETE", "t1-key", "/api/v1/orders/" + orderId, null, null);
        assertEquals(409, again.status);
        assertEquals("TOO_LATE_TO_CANCEL", again.body.get("error").get("code").asText());
        assertEquals("[]", get(null, "/api/v1/book/BTC-USD").body.get("bids").toString());
    }

    @Test
    void shouldRefuseBadInputAtTheEdgeWithTheContractsCodes() throws Exception {
        assertError(400, "UNKNOWN_FIELD", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\",\"colour\":\"red\"}"));
        assertError(400, "INVALID_PRICE", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100.001\",\"qty\":\"1\"}"));
        assertError(400, "INVALID_PRICE", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"NaN\",\"qty\":\"1\"}"));
        assertError(400, "INVALID_QTY", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1e999999\"}"));
        assertError(400, "INVALID_QTY", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"0\"}"));
        assertError(400, "INVALID_ORDER", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":\"1\",\"timeInForce\":\"GTC\"}"));
        assertError(400, "INVALID_ORDER", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\",\"timeInForce\":\"GTD\"}"));
        assertError(400, "MISSING_FIELD", post("t1-key", "{\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}"));
        assertError(400, "INVALID_CLORDID", post("t1-key", "{\"clOrdId\":\"" + "x".repeat(37) + "\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}"));
        assertError(400, "INVALID_FIELD", post("t1-key", "{\"clOrdId\":\"a\",\"symbol\":\"TEST\",\"side\":\"UP\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}"));
        assertError(400, "MALFORMED_JSON", post("t1-key", "{\"clOrdId\":"));
        assertError(401, "UNAUTHORIZED", post("nope", "{}"));
        assertError(415, "UNSUPPORTED_MEDIA_TYPE", send("POST", "t1-key", "/api/v1/orders", "text/plain", "{}"));
        assertError(413, "PAYLOAD_TOO_LARGE", post("t1-key", "{\"clOrdId\":\"" + "x".repeat(70_000) + "\"}"));
        assertEquals("[]", get(null, "/api/v1/book/TEST").body.get("bids").toString(), "nothing reached the engine");
    }

    @Test
    void shouldAnswerEngineRejectsWith422AndAnOrderId() throws Exception {
        Reply unknown = post("t1-key", "{\"clOrdId\":\"u-1\",\"symbol\":\"DOGE-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}");
        assertEquals(422, unknown.status, unknown.body.toString());
        assertEquals("REJECTED", unknown.body.get("status").asText());
        assertEquals("UNKNOWN_SYMBOL", unknown.body.get("rejectReason").asText());
        assertEquals("DOGE-USD", unknown.body.get("symbol").asText());
        assertTrue(unknown.body.get("orderId").asLong() > 0);
        Reply fok = post("t1-key", "{\"clOrdId\":\"f-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\",\"timeInForce\":\"FOK\"}");
        assertEquals(422, fok.status);
        assertEquals("FOK_NOT_FILLED", fok.body.get("rejectReason").asText());
        assertEquals(200, get("t1-key", "/api/v1/orders/" + fok.body.get("orderId").asLong()).status, "a rejected order can be fetched");
    }

    @Test
    void shouldCarryRequestIdsSecurityHeadersAndContractErrorsOnEveryRoute() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/time"))
                .header("X-Request-Id", "req-42").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("req-42", response.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
        assertTrue(JSON.readTree(response.body()).get("epochMillis").asLong() > 0);
        assertError(404, "NOT_FOUND", get(null, "/api/v1/nothing-here"));
        assertError(405, "METHOD_NOT_ALLOWED", send("PUT", "t1-key", "/api/v1/symbols", "application/json", "{}"));
        assertError(404, "UNKNOWN_SYMBOL", get(null, "/api/v1/book/NOPE"));
        assertError(400, "INVALID_FIELD", get(null, "/api/v1/book/TEST?depth=0"));
        Reply symbols = get(null, "/api/v1/symbols");
        assertEquals("0.0001", symbols.body.get(0).get("lotSize").asText());
        assertEquals("TEST", symbols.body.get(2).get("symbol").asText());
    }

    private record Reply(int status, JsonNode body) {
    }

    private void assertError(int status, String code, Reply reply) {
        assertEquals(status, reply.status, reply.body.toString());
        assertEquals(code, reply.body.get("error").get("code").asText(), reply.body.toString());
    }

    private Reply post(String key, String body) throws Exception {
        return send("POST", key, "/api/v1/orders", "application/json", body);
    }

    private Reply get(String key, String path) throws Exception {
        return send("GET", key, path, null, null);
    }

    private Reply send(String method, String key, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }
}

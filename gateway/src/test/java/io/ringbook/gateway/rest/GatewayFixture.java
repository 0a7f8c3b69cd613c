package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.JournalStage;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway on a free port in front of the real pipeline (demo symbols, keys t1-key and t2-key), and an HTTP client for it. */
final class GatewayFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status and parsed JSON body. */
    record Reply(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final EnginePipeline pipeline;
    private final RestGateway gateway;
    private final String base;

    GatewayFixture() {
        this(RateLimits.DEMO);
    }

    GatewayFixture(RateLimits limits) {
        this(limits, new RequestSigning(Map.of()));
    }

    GatewayFixture(RateLimits limits, RequestSigning signing) {
        this(limits, signing, PipelineConfig.DEFAULTS, JournalStage.NONE);
    }

    GatewayFixture(RateLimits limits, RequestSigning signing, PipelineConfig config, JournalStage journal) {
        this(limits, signing, config, journal, EpochClock.system());
    }

    /** The engine and the gateway on {@code clock}, for tests that move time. */
    GatewayFixture(EpochClock clock) {
        this(RateLimits.DEMO, clock);
    }

    /** The engine and the gateway on {@code clock}, with these rate limits: tests that move time past a refill or a block. */
    GatewayFixture(RateLimits limits, EpochClock clock) {
        this(limits, new RequestSigning(Map.of()), PipelineConfig.DEFAULTS, JournalStage.NONE, clock);
    }

    private GatewayFixture(RateLimits limits, RequestSigning signing, PipelineConfig config, JournalStage journal, EpochClock clock) {
        ReferenceData demo = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3", "T4")));
        RiskBoard board = new RiskBoard(demo.risk());
        gateway = new RestGateway(demo, new ApiKeys(Map.of("t1-key", 0, "t2-key", 1), signing), limits, board, clock);
        EnginePipeline.Builder builder = EnginePipeline.builder(sink ->
                new BusinessLogic(demo.symbols(), 4, RiskEngine.factory(demo.risk(), board), sink, 1024)).config(config).journal(journal).clock(clock);
        gateway.listeners().forEach(builder::listener);
        pipeline = builder.build().start();
        base = "http://127.0.0.1:" + gateway.start("127.0.0.1", 0);
        gateway.open(pipeline.publisher());
    }

    String base() {
        return base;
    }

    /** The engine's door, for tests that need more orders than HTTP can carry in a second. */
    CommandPublisher publisher() {
        return pipeline.publisher();
    }

    RestGateway gateway() {
        return gateway;
    }

    HttpClient http() {
        return http;
    }

    Reply post(String key, String body) throws Exception {
        return send("POST", key, "/api/v1/orders", "application/json", body);
    }

    /** Places a GTC limit order on TEST and returns its orderId. */
    long limit(String key, String side, int price, int qty) throws Exception {
        Reply reply = post(key, "{\"clOrdId\":\"" + side + price + "x" + qty + "\",\"symbol\":\"TEST\",\"side\":\"" + side
                + "\",\"type\":\"LIMIT\",\"price\":\"" + price + "\",\"qty\":\"" + qty + "\"}");
        assertEquals(201, reply.status(), reply.body().toString());
        return reply.body().get("orderId").asLong();
    }

    Reply get(String key, String path) throws Exception {
        return send("GET", key, path, null, null);
    }

    Reply send(String method, String key, String path, String contentType, String body) throws Exception {
        return exchange(method, key, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** An order whose body is sent chunked, without a declared length. */
    Reply postChunked(String key, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange("POST", key, "/api/v1/orders", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private Reply exchange(String method, String key, String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    static void assertError(int status, String code, Reply reply) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertEquals(code, reply.body().get("error").get("code").asText(), reply.body().toString());
    }

    @Override
    public void close() {
        gateway.close();
        pipeline.close();
    }
}

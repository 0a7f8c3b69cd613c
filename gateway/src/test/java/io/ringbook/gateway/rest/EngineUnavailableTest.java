package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.HangingJournal;
import io.ringbook.risk.RiskBoard;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine that is still recovering answers 503 with Retry-After to everything; one
 * that stops deciding (its journal hangs): a full ring is 503 with Retry-After, an
 * unanswered order 504.
 */
class EngineUnavailableTest {

    @Test
    void shouldAnswer503ToEveryRequestAndRefuseStreamsUntilRecoveryIsDone() throws Exception {
        ReferenceData demo = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3", "T4")));
        try (RestGateway recovering = new RestGateway(demo, new ApiKeys(Map.of("t1-key", 0)), RateLimits.DEMO, new RiskBoard(demo.risk()))) {
            String base = "http://127.0.0.1:" + recovering.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[]{"/api/v1/orders", "/api/v1/symbols", "/api/v1/book/TEST"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", "t1-key")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, response.statusCode(), path);
                assertTrue(response.body().contains("\"UNAVAILABLE\""), response.body());
                assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
            }
            ExecutionException refused = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder().header("X-API-Key", "t1-key")
                    .buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/stream"), new WebSocket.Listener() { })
                    .get(5, TimeUnit.SECONDS));
            assertEquals(503, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        }
    }

    @Test
    void shouldAnswerPendingForAClOrdIdInFlightAfterA504AndTheOrderOnceDecided() throws Exception {
        HangingJournal hanging = new HangingJournal();
        try (GatewayFixture gateway = new GatewayFixture(RateLimits.DEMO, new RequestSigning(Map.of()), PipelineConfig.DEFAULTS, hanging)) {
            GatewayFixture.Reply timedOut = gateway.post("t1-key",
                    "{\"clOrdId\":\"late-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}");
            GatewayFixture.assertError(504, "TIMEOUT", timedOut);
            GatewayFixture.Reply pending = gateway.get("t1-key", "/api/v1/orders?clOrdId=late-1");
            assertEquals(202, pending.status(), pending.body().toString());
            assertEquals("{\"clOrdId\":\"late-1\",\"status\":\"PENDING\"}", pending.body().toString());
            GatewayFixture.assertError(404, "UNKNOWN_ORDER", gateway.get("t1-key", "/api/v1/orders?clOrdId=never-sent"));
            GatewayFixture.assertError(404, "UNKNOWN_ORDER", gateway.get("t2-key", "/api/v1/orders?clOrdId=late-1"));
            hanging.release();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            GatewayFixture.Reply decided = gateway.get("t1-key", "/api/v1/orders?clOrdId=late-1");
            while (decided.status() == 202) {
                assertTrue(System.nanoTime() < deadline, "decided within 5 s of the journal's return");
                Thread.sleep(10);
                decided = gateway.get("t1-key", "/api/v1/orders?clOrdId=late-1");
            }
            assertEquals(200, decided.status(), decided.body().toString());
            assertEquals("NEW", decided.body().get("status").asText());
        }
    }

    @Test
    void shouldCompareAResendAfterA504WithWhatTheClientFirstSent() throws Exception {
        HangingJournal hanging = new HangingJournal();
        try (GatewayFixture gateway = new GatewayFixture(RateLimits.DEMO, new RequestSigning(Map.of()), PipelineConfig.DEFAULTS, hanging)) {
            String first = "{\"clOrdId\":\"k-1\",\"symbol\":\"NOPE\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}";
            GatewayFixture.assertError(504, "TIMEOUT", gateway.post("t1-key", first));
            hanging.release();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (gateway.get("t1-key", "/api/v1/orders?clOrdId=k-1").status() == 202) {
                assertTrue(System.nanoTime() < deadline, "decided within 5 s of the journal's return");
                Thread.sleep(10);
            }
            GatewayFixture.assertError(409, "DUPLICATE_CLORDID", gateway.post("t1-key", first.replace("NOPE", "NOPE2")));
            GatewayFixture.Reply resend = gateway.post("t1-key", first);
            assertEquals(200, resend.status(), resend.body().toString());
            assertEquals("NOPE", resend.body().get("symbol").asText(), "the order as the client first sent it");
        }
    }

    @Test
    void shouldAnswer503WhenTheRingIsFullAnd504WhenTheEngineDoesNotAnswerInTime() throws Exception {
        HangingJournal hanging = new HangingJournal();
        PipelineConfig tiny = new PipelineConfig(4, WaitStrategyKind.BLOCKING, 64, WaitStrategyKind.BLOCKING, 256, 0, 0,
                OutputJournalThread.FOLLOWING);
        try (GatewayFixture gateway = new GatewayFixture(RateLimits.DEMO, new RequestSigning(Map.of()), tiny, hanging)) {
            List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/orders"))
                        .header("X-API-Key", "t1-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"clOrdId\":\"h-" + i
                                + "\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"1\"}")).build();
                replies.add(gateway.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                Thread.sleep(50);
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> reply : replies) {
                HttpResponse<String> response = reply.get(15, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 503) {
                    assertTrue(response.body().contains("UNAVAILABLE"), response.body());
                    assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
                } else {
                    assertEquals(504, response.statusCode(), response.body());
                    assertTrue(response.body().contains("TIMEOUT"), response.body());
                }
            }
            assertTrue(statuses.contains(503) && statuses.contains(504), statuses.toString());
            hanging.release();
        }
    }
}

package io.ringbook.gateway.rest;

import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.engine.testing.HangingJournal;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An engine that stops deciding (its journal hangs): a full ring is 503 with Retry-After, an unanswered order 504. */
class EngineUnavailableTest {

    @Test
    void shouldAnswer503WhenTheRingIsFullAnd504WhenTheEngineDoesNotAnswerInTime() throws Exception {
        HangingJournal hanging = new HangingJournal();
        PipelineConfig tiny = new PipelineConfig(4, WaitStrategyKind.BLOCKING, 64, WaitStrategyKind.BLOCKING, 256, 0, 0);
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

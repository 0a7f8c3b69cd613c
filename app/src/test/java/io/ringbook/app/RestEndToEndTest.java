package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.ReplayVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A client trading over REST against the whole app, across a restart. */
class RestEndToEndTest {

    @TempDir
    Path data;

    @Test
    void shouldKeepOrdersAndTheBookAcrossARestartAndReplayTheJournalIdentically() throws Exception {
        long restingId;
        try (RunningEngine engine = start()) {
            String base = "http://127.0.0.1:" + engine.restPort();
            restingId = send(base, "POST", "t1-key", "/api/v1/orders",
                    "{\"clOrdId\":\"r-1\",\"symbol\":\"ETH-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"2500.50\",\"qty\":\"1.5\"}")
                    .get("orderId").asLong();
            JsonNode fill = send(base, "POST", "t2-key", "/api/v1/orders",
                    "{\"clOrdId\":\"r-2\",\"symbol\":\"ETH-USD\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":\"0.5\"}");
            assertEquals("FILLED", fill.get("status").asText(), "the MARKET order found enough to fill completely");
            assertEquals("0.500", fill.get("filledQty").asText());
        }
        try (RunningEngine restarted = start()) {
            String base = "http://127.0.0.1:" + restarted.restPort();
            JsonNode order = send(base, "GET", "t1-key", "/api/v1/orders/" + restingId, null);
            assertEquals("PARTIALLY_FILLED", order.get("status").asText());
            assertEquals("1.000", order.get("leavesQty").asText());
            assertEquals("[[\"2500.50\",\"1.000\"]]", send(base, "GET", null, "/api/v1/book/ETH-USD", null).get("asks").toString());
            JsonNode resent = send(base, "POST", "t1-key", "/api/v1/orders",
                    "{\"clOrdId\":\"r-1\",\"symbol\":\"ETH-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"2500.50\",\"qty\":\"1.5\"}");
            assertEquals(restingId, resent.get("orderId").asLong(), "a resend after the restart is still the same order");
            assertEquals("CANCELED", send(base, "DELETE", "t1-key", "/api/v1/orders/" + restingId, null).get("status").asText());
        }
        assertNull(ReplayVerifier.verify(data, EngineLogic.replay(1 << 16)).firstDifference());
    }

    private RunningEngine start() {
        return RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any());
    }

    private JsonNode send(String base, String method, String key, String path, String body) throws Exception {
        return TestHttp.json(TestHttp.at(base).key(key).send(method, path, body));
    }
}

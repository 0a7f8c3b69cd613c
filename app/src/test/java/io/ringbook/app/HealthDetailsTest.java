package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /health} needs no token, so without one it tells the status of each
 * component and its numbers (as {@code /metrics} does), but no text a failure could
 * carry (an event with accounts and orders, a path, an error message): that is for
 * readers with a valid admin token, whatever its role.
 */
class HealthDetailsTest {

    @TempDir
    Path data;

    @Test
    void shouldShowTextDetailsOnlyToReadersWithAValidToken() throws Exception {
        try (RunningEngine engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            String url = "http://127.0.0.1:" + engine.adminPort() + "/health";
            JsonNode anonymous = health(url, null);
            JsonNode badToken = health(url, "not-a-token");
            JsonNode viewer = health(url, "viewer-token");

            String dataDir = data.toAbsolutePath().toString();
            assertEquals(dataDir, viewer.at("/components/disk/details/path").asText(), "a token holder sees the details");
            assertTrue(viewer.at("/components/outboundListeners/details/lastFailure").isTextual());
            for (JsonNode body : new JsonNode[]{anonymous, badToken}) {
                assertEquals(viewer.get("status"), body.get("status"), "the same status as a token holder sees: " + body);
                assertEquals(viewer.get("score"), body.get("score"));
                assertFalse(body.toString().contains(dataDir), "no path without a token: " + body);
                String withheld = body.at("/components/outboundListeners/details/lastFailure").asText();
                assertTrue(withheld.contains("admin token"), "a generic message instead: " + withheld);
                assertEquals(4096, body.at("/components/ringBuffer/details/inboundSize").asInt(), "numbers stay, as on /metrics");
                viewer.get("components").properties().forEach(component -> assertEquals(component.getValue().get("status"),
                        body.at("/components/" + component.getKey() + "/status"), component.getKey()));
            }
        }
    }

    private JsonNode health(String url, String token) throws Exception {
        return TestHttp.ok(TestHttp.at("").bearer(token).get(url));
    }
}

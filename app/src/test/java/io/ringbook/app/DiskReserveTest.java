package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.RunSettings;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.ringbook.app.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Below the disk reserve the engine refuses new orders with 503 UNAVAILABLE "disk nearly
 * full" before an append could fail, and health names the free space and the reserve;
 * with the space there, the same data directory takes orders.
 */
class DiskReserveTest {

    private static final String ORDER =
            "{\"clOrdId\":\"d-1\",\"symbol\":\"ETH-USD\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"2500.50\",\"qty\":\"1.5\"}";
    @TempDir
    Path data;

    @Test
    void belowTheReserveOrdersAreRefusedAndHealthSaysWhy() throws Exception {
        long moreThanAnyDisk = 1L << 40;
        try (RunningEngine engine = start(moreThanAnyDisk)) {
            HttpResponse<String> refused = post(engine);
            assertEquals(503, refused.statusCode(), refused.body());
            JsonNode error = JSON.readTree(refused.body());
            assertEquals("UNAVAILABLE", error.at("/error/code").asText(), refused.body());
            assertTrue(error.at("/error/message").asText().contains("disk nearly full"), refused.body());

            HttpResponse<String> health = TestHttp.at(engine.adminPort()).get("/health");
            JsonNode disk = JSON.readTree(health.body()).at("/components/journalDisk");
            assertEquals("DOWN", disk.at("/status").asText(), health.body());
            assertEquals(moreThanAnyDisk << 20, disk.at("/details/reserveBytes").asLong());
            assertTrue(disk.at("/details/freeBytes").asLong() > 0, health.body());
        }
        try (RunningEngine engine = start(RunSettings.DEFAULT_DISK_RESERVE_MB)) {
            HttpResponse<String> taken = post(engine);
            assertEquals(201, taken.statusCode(), taken.body());
        }
    }

    private RunningEngine start(long reserveMb) {
        RunSettings d = RunSettings.DEFAULTS;
        Profile profile = DemoProfile.profile().withPorts(Ports.any()).withRun(new RunSettings(d.waitStrategy(), d.outboundWait(),
                d.snapshotEverySeconds(), d.durability(), null, d.clOrdIdsPerDay(), reserveMb));
        return RunningEngine.start(profile, data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH);
    }

    private HttpResponse<String> post(RunningEngine engine) throws Exception {
        return TestHttp.at(engine.restPort()).key("t1-key").post("/api/v1/orders", ORDER);
    }
}

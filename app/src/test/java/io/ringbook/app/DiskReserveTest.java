package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.RunSettings;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.DiskSpace;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

    /**
     * The disk-full run of issue 20, on a disk whose free space the test sets (as the
     * engine's own journal and anything else on it would fill it): orders are taken, the
     * disk fills below the reserve, new orders get 503 with the reason and health says
     * why, a cancel and a mass cancel still go through, space is freed and orders are
     * taken again; after a restart every acknowledged command is there, the refused one is not.
     */
    @Test
    void aFillingDiskRefusesOrdersButTakesCancelsAndEveryAcknowledgedCommandOutlivesIt() throws Exception {
        AtomicLong free = new AtomicLong(1L << 40);
        long reserve = 64L << 20;
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        try (RunningEngine engine = start(64, free::get)) {
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> taken = send(engine, "POST", "/api/v1/orders", order("f-" + i));
                assertEquals(201, taken.statusCode(), taken.body());
                acknowledged.put("f-" + i, JSON.readTree(taken.body()).at("/orderId").asLong());
            }
            free.set(reserve - 1);
            JsonNode disk = awaitDisk(engine, "DOWN");
            assertEquals(reserve - 1, disk.at("/details/freeBytes").asLong());
            assertEquals(reserve, disk.at("/details/reserveBytes").asLong());

            HttpResponse<String> refused = send(engine, "POST", "/api/v1/orders", order("f-refused"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("UNAVAILABLE", JSON.readTree(refused.body()).at("/error/code").asText(), refused.body());
            assertTrue(JSON.readTree(refused.body()).at("/error/message").asText().startsWith("disk nearly full: 63 MiB free"),
                    refused.body());
            HttpResponse<String> canceled = send(engine, "DELETE", "/api/v1/orders/" + acknowledged.get("f-1"), null);
            assertEquals(200, canceled.statusCode(), canceled.body());
            assertEquals("CANCELED", JSON.readTree(canceled.body()).at("/status").asText(), canceled.body());
            HttpResponse<String> massCanceled = send(engine, "DELETE", "/api/v1/orders?symbol=ETH-USD", null);
            assertEquals(200, massCanceled.statusCode(), massCanceled.body());
            assertEquals(4, JSON.readTree(massCanceled.body()).size(), massCanceled.body());

            free.set(1L << 40);
            awaitDisk(engine, "UP");
            HttpResponse<String> takenAgain = send(engine, "POST", "/api/v1/orders", order("f-6"));
            assertEquals(201, takenAgain.statusCode(), takenAgain.body());
            acknowledged.put("f-6", JSON.readTree(takenAgain.body()).at("/orderId").asLong());
        }
        try (RunningEngine engine = start(64, free::get)) {
            for (Map.Entry<String, Long> order : acknowledged.entrySet()) {
                HttpResponse<String> found = send(engine, "GET", "/api/v1/orders/" + order.getValue(), null);
                assertEquals(200, found.statusCode(), found.body());
                assertEquals(order.getKey().equals("f-6") ? "NEW" : "CANCELED", JSON.readTree(found.body()).at("/status").asText(),
                        found.body());
            }
            assertEquals(404, send(engine, "GET", "/api/v1/orders?clOrdId=f-refused", null).statusCode());
        }
    }

    /**
     * Under the hold an operator can still tighten limits, and a member can still lower an
     * order's quantity (it only reduces exposure); an amend that raises the quantity or
     * moves the price adds exposure and is refused like a new order.
     */
    @Test
    void underTheHoldNewLimitsAndQtyDownAmendsPassButQtyUpAndPriceMovesAreRefused() throws Exception {
        AtomicLong free = new AtomicLong(1L << 40);
        try (RunningEngine engine = start(64, free::get)) {
            HttpResponse<String> placed = send(engine, "POST", "/api/v1/orders", order("h-1"));
            assertEquals(201, placed.statusCode(), placed.body());
            String path = "/api/v1/orders/" + JSON.readTree(placed.body()).at("/orderId").asLong();
            free.set((64L << 20) - 1);
            awaitDisk(engine, "DOWN");

            HttpResponse<String> up = send(engine, "PATCH", path, "{\"qty\":\"2\"}");
            assertEquals(503, up.statusCode(), "a higher qty adds exposure: " + up.body());
            HttpResponse<String> moved = send(engine, "PATCH", path, "{\"price\":\"2400\",\"qty\":\"1\"}");
            assertEquals(503, moved.statusCode(), "a price move is no mere reduction: " + moved.body());
            HttpResponse<String> down = send(engine, "PATCH", path, "{\"qty\":\"1\"}");
            assertEquals(200, down.statusCode(), down.body());
            assertEquals("1.000", JSON.readTree(down.body()).at("/qty").asText(), down.body());

            String tight = DemoLimits.T1.replace("\"1000000\"", "\"5\"");
            HttpResponse<String> limits = TestHttp.at(engine.adminPort()).bearer("admin-token")
                    .send("PUT", "/admin/v1/accounts/T1/limits", tight);
            assertEquals(200, limits.statusCode(), limits.body());
            assertEquals(JSON.readTree(tight), JSON.readTree(limits.body()));
        }
    }

    private JsonNode awaitDisk(RunningEngine engine, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            HttpResponse<String> health = TestHttp.at(engine.adminPort()).get("/health");
            JsonNode disk = JSON.readTree(health.body()).at("/components/journalDisk");
            if (disk.at("/status").asText().equals(status)) {
                return disk;
            }
            assertTrue(System.nanoTime() < deadline, "journalDisk never became " + status + ": " + health.body());
            Thread.sleep(20);
        }
    }

    private static String order(String clOrdId) {
        return ORDER.replace("d-1", clOrdId);
    }

    private RunningEngine start(long reserveMb) {
        return start(reserveMb, null);
    }

    private RunningEngine start(long reserveMb, DiskSpace disk) {
        RunSettings d = RunSettings.DEFAULTS;
        Profile profile = DemoProfile.profile().withPorts(Ports.any()).withRun(new RunSettings(d.waitStrategy(), d.outboundWait(),
                d.snapshotEverySeconds(), d.durability(), null, d.clOrdIdsPerDay(), reserveMb, d.outputJournalThread()));
        if (disk == null) {
            return RunningEngine.start(profile, data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH);
        }
        return RunningEngine.startOnDisk(profile, data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, directory -> disk);
    }

    private HttpResponse<String> post(RunningEngine engine) throws Exception {
        return send(engine, "POST", "/api/v1/orders", ORDER);
    }

    private HttpResponse<String> send(RunningEngine engine, String method, String path, String body) throws Exception {
        return TestHttp.at(engine.restPort()).key("t1-key").send(method, path, body);
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart after a snapshot reads the read models from the read-model snapshot beside it
 * and only the output journal's events after it, and shows the same orders, fills,
 * positions, depth, trades and full book as before the restart, over real HTTP; a damaged
 * read-model snapshot falls back to reading the whole journal, with the same result.
 */
class ReadModelSnapshotTest {

    private static final String ETH = "\"symbol\":\"ETH-USD\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void shouldRestoreTheSameViewsFromTheSnapshotAndTheEventsAfterIt() throws Exception {
        String before;
        long snapshot;
        try (RunningEngine engine = start()) {
            String base = "http://127.0.0.1:" + engine.restPort();
            String resting = order(base, "t1-key", "r-1", "SELL", "LIMIT", "2500.50", "1.5");
            order(base, "t2-key", "r-2", "BUY", "MARKET", null, "0.5");
            String bid = order(base, "t1-key", "r-3", "BUY", "LIMIT", "2400", "1");
            order(base, "t2-key", "r-4", "SELL", "LIMIT", "2600", "2");
            snapshot = engine.snapshotNow().get(5, TimeUnit.SECONDS);
            awaitReadModelSnapshot(snapshot);
            order(base, "t2-key", "r-5", "BUY", "LIMIT", "2500.50", "0.2");
            send(base, "DELETE", "t1-key", null, "/api/v1/orders/" + bid, null);
            assertTrue(send(base, "GET", "t1-key", null, "/api/v1/orders/" + resting, null).contains("\"filledQty\":\"0.700\""));
            before = views(engine);
        }
        try (RunningEngine restarted = start()) {
            assertEquals(snapshot, restarted.readModels().restoredAt(), "read from the read-model snapshot, then the events after it");
            assertEquals(before, views(restarted));
        }
        try (Stream<Path> files = Files.list(data.resolve("views"))) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 2] ^= 0x5A;
                Files.write(file, bytes);
            }
        }
        try (RunningEngine restarted = start()) {
            assertEquals(0, restarted.readModels().restoredAt(), "a damaged read-model snapshot is not used");
            assertEquals(before, views(restarted));
        }
    }

    private RunningEngine start() {
        return RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any());
    }

    private void awaitReadModelSnapshot(long sequence) throws InterruptedException {
        Path file = data.resolve("views").resolve(String.format("views-%020d.rbv", sequence));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(file), "the read-model snapshot is written beside the engine's");
    }

    /** Everything the read models answer, as both APIs show it. */
    private String views(RunningEngine engine) throws Exception {
        String rest = "http://127.0.0.1:" + engine.restPort();
        String admin = "http://127.0.0.1:" + engine.adminPort();
        StringBuilder all = new StringBuilder();
        for (String key : List.of("t1-key", "t2-key")) {
            for (String path : List.of("/api/v1/orders", "/api/v1/orders?status=OPEN", "/api/v1/fills", "/api/v1/positions")) {
                all.append(path).append(' ').append(send(rest, "GET", key, null, path, null)).append('\n');
            }
        }
        all.append(send(rest, "GET", null, null, "/api/v1/book/ETH-USD", null)).append('\n');
        all.append(send(rest, "GET", null, null, "/api/v1/trades/ETH-USD", null)).append('\n');
        all.append(send(admin, "GET", null, "viewer-token", "/admin/v1/book/ETH-USD", null)).append('\n');
        all.append(send(admin, "GET", null, "viewer-token", "/admin/v1/positions", null)).append('\n');
        return all.toString();
    }

    /** Places an order; returns its orderId. */
    private String order(String base, String key, String clOrdId, String side, String type, String price, String qty) throws Exception {
        String body = "{\"clOrdId\":\"" + clOrdId + "\"," + ETH + ",\"side\":\"" + side + "\",\"type\":\"" + type + "\","
                + (price == null ? "" : "\"price\":\"" + price + "\",") + "\"qty\":\"" + qty + "\"}";
        String answer = send(base, "POST", key, null, "/api/v1/orders", body);
        return answer.replaceAll("^\\{\"orderId\":(\\d+),.*$", "$1");
    }

    private String send(String base, String method, String key, String token, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode() / 100 * 100, path + ": " + response.body());
        return response.body();
    }
}

package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.ProfileFileTest;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue-wide cap on open orders (engine.maxOpenOrders), met through the real doors: a
 * configured engine with a cap of 2, orders over REST and FIX, /health over HTTP.
 */
class RiskOpenOrderCapTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUND2 = "fund2-key-0123456789";
    private static final String FUND2_FIX = ProfileFileTest.ENVIRONMENT.get("FUND2_FIX_PASSWORD");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldRefuseNewOrdersWithMaxOpenOrdersAtTheVenuesCapAndShowItInHealth() throws Exception {
        Path config = dir.resolve("capped.yaml");
        String yaml = Files.readString(ProfileFileTest.EXAMPLE);
        assertTrue(yaml.contains("\n  maxOpenOrders: 1000000 "));
        Files.writeString(config, yaml.replace("\n  maxOpenOrders: 1000000 ", "\n  maxOpenOrders: 2 "));
        var profile = ProfileFile.read(config, ProfileFileTest.ENVIRONMENT::get).withPorts(Ports.any());
        assertEquals(2, profile.referenceData().risk().maxOpenOrders());
        try (RunningEngine engine = RunningEngine.start(profile, dir.resolve("data"), false, PipelineConfig.DEFAULTS,
                Durability.PROCESS_CRASH)) {
            String rest = "http://127.0.0.1:" + engine.restPort();
            String admin = "http://127.0.0.1:" + engine.adminPort();
            JsonNode below = openOrdersHealth(admin);
            assertEquals("UP", below.get("status").asText(), below.toString());
            assertEquals(0, below.get("details").get("openOrders").asInt());
            assertEquals(2, below.get("details").get("maxOpenOrders").asInt());

            HttpResponse<String> first = order(rest, "cap-1", "59000");
            assertEquals(201, first.statusCode(), first.body());
            assertEquals(201, order(rest, "cap-2", "58000").statusCode());
            HttpResponse<String> third = order(rest, "cap-3", "58700");
            assertEquals(422, third.statusCode(), third.body());
            JsonNode refused = JSON.readTree(third.body());
            assertEquals("MAX_OPEN_ORDERS", refused.get("rejectReason").asText());
            assertTrue(refused.get("rejectText").asText().contains("2 for all accounts together"), refused.get("rejectText").asText());

            HttpResponse<String> health = send(admin, "GET", "/health");
            assertEquals(200, health.statusCode(), "DEGRADED is still served: " + health.body());
            JsonNode full = JSON.readTree(health.body());
            assertNotEquals("UP", full.get("status").asText(), health.body());
            JsonNode capped = full.get("components").get("openOrders");
            assertEquals("DEGRADED", capped.get("status").asText(), capped.toString());
            assertEquals(2, capped.get("details").get("openOrders").asInt());
            assertEquals(100, capped.get("details").get("usedPct").asInt());

            try (FixClient fix = new FixClient("FUND2-FIX", FUND2_FIX, engine.fixPort(), dir.resolve("fix-fund2"))) {
                assertTrue(fix.awaitLogon(10));
                fix.send(FixEndToEndTest.order("cap-4", "BTC-USD", '1', "58500", "1"));
                Message report = fix.next(MsgType.EXECUTION_REPORT);
                assertEquals('8', report.getChar(150), report.toString());
                assertEquals(3, report.getInt(103), "OrdRejReason: over a limit");
                assertEquals("MAX_OPEN_ORDERS", report.getString(58));
            }

            String firstId = JSON.readTree(first.body()).get("orderId").asText();
            assertEquals(200, send(rest, "DELETE", "/api/v1/orders/" + firstId).statusCode());
            assertEquals("UP", openOrdersHealth(admin).get("status").asText(), "one of two is below 90%");
            assertEquals(201, order(rest, "cap-5", "57000").statusCode(), "room again once an order left the book");
        }
    }

    private JsonNode openOrdersHealth(String admin) throws Exception {
        return JSON.readTree(send(admin, "GET", "/health").body()).get("components").get("openOrders");
    }

    private HttpResponse<String> order(String rest, String clOrdId, String price) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(rest + "/api/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"clOrdId\":\"" + clOrdId
                        + "\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + price + "\",\"qty\":\"1\"}"))
                .header("Content-Type", "application/json").header("X-API-Key", FUND2).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String base, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-API-Key", FUND2).build(), HttpResponse.BodyHandlers.ofString());
    }
}

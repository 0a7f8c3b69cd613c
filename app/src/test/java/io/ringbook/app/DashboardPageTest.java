package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator dashboard as a person sees it: a real headless Chromium loads the page
 * from the running app, its scripts call the admin API, and the rendered page must show
 * the engine's health and a tripped breaker, humanized sizes, open orders and positions,
 * actions only for a role that may take them, and the book of the symbol chosen. The
 * screenshot (as an operator) goes to docs/dashboard.png,
 * which docs/MANUAL.md shows. Without Chromium (.ci/run installs it) the test is skipped,
 * with a notice.
 */
class DashboardPageTest {

    @TempDir
    Path data;

    @Test
    void theDashboardRendersHealthAndBreakersFromTheApi() throws Exception {
        Path browser = HeadlessChromium.findOrNotice("DashboardPageTest");
        Assumptions.assumeTrue(browser != null, "no headless Chromium on PATH");
        try (RunningEngine engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.restPort() + "/api/v1/orders"))
                        .header("X-API-Key", "t1-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"clOrdId\":\"d-" + i + "\",\"symbol\":\"BTC-USD\",\"side\":\"SELL\","
                                + "\"type\":\"LIMIT\",\"price\":\"6500" + i + ".00\",\"qty\":\"0.25\"}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.adminPort() + "/admin/v1/breakers/reject-storm:T2/trip"))
                    .header("Authorization", "Bearer operator-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            for (String order : new String[]{"{\"clOrdId\":\"p-1\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"101\",\"qty\":\"3\"}",
                    "{\"clOrdId\":\"p-2\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"102\",\"qty\":\"4\"}"}) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.restPort() + "/api/v1/orders"))
                        .header("X-API-Key", "t3-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.restPort() + "/api/v1/orders"))
                    .header("X-API-Key", "t4-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"clOrdId\":\"q-1\",\"symbol\":\"TEST\",\"side\":\"BUY\","
                            + "\"type\":\"LIMIT\",\"price\":\"101\",\"qty\":\"2\"}")).build(), HttpResponse.BodyHandlers.discarding());
            String admin = "http://127.0.0.1:" + engine.adminPort();
            String loading = http.send(HttpRequest.newBuilder(URI.create(admin + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(loading.contains("<tbody id=\"breakers\"><tr class=\"loading\"><td colspan=\"6\">loading…</td>"),
                    "each panel says it is loading until its first answer");
            String page = admin + "/#token=viewer-token";

            String dom = HeadlessChromium.dom(browser, page);
            assertTrue(dom.contains("id=\"health-status\" class=\"badge UP\">UP<"), "the health badge shows UP");
            assertTrue(dom.contains("reject-storm:T2</td><td class=\"state OPEN\">OPEN"), "the tripped breaker shows OPEN");
            assertTrue(dom.contains("volatility:BTC-USD</td><td class=\"state CLOSED\">CLOSED"), "the others show CLOSED");
            assertTrue(dom.contains("<td>endToEnd</td>"), "the latency table is filled");
            assertTrue(dom.contains(">65000.00<") || dom.contains(">65002.00<"), "the book shows BTC-USD's asks");
            assertFalse(dom.contains("loading…"), "every panel was filled");
            assertFalse(dom.contains("<button"), "a viewer is offered no action it cannot take");
            assertTrue(dom.contains("viewer (viewer, read only)"), "and is told so");
            assertTrue(dom.matches("(?s).*free=[0-9.]+ [KMGT]iB.*") && !dom.contains("freeBytes="), "disk in humanized units");
            assertTrue(dom.matches("(?s).*heapUsed=[0-9.]+ [KMGT]iB.*"), "heap too");
            assertTrue(dom.contains("<td>TEST</td><td>T3</td><td>p-2</td><td>SELL</td><td class=\"num\">102</td><td class=\"num\">4</td>"),
                    "the open orders panel lists T3's resting ask");
            assertTrue(dom.contains("<td>T4</td><td>TEST</td><td class=\"num\">2</td>"), "the positions panel shows T4 long 2");

            String operator = HeadlessChromium.dom(browser, admin + "/#token=operator-token&book=TEST");
            assertTrue(operator.contains("<button>trip</button>") && operator.contains("<button>halt</button>"), "an operator may act");
            assertTrue(operator.contains("<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\">101</td><td class=\"num\">1</td>"),
                    "the book of the symbol chosen: " + operator);

            HeadlessChromium.screenshot(browser, admin + "/#token=operator-token&book=TEST", Path.of("..", "docs", "dashboard.png").toAbsolutePath().normalize());
        }
    }
}

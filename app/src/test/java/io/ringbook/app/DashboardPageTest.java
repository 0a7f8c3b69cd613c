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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator dashboard as a person sees it: a real headless Chromium loads the page
 * from the running app, its scripts call the admin API, and the rendered page must show
 * the engine's health and a tripped breaker. The screenshot goes to docs/dashboard.png,
 * which the README shows. Without Chromium (.ci/run installs it) the test is skipped,
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
            String page = "http://127.0.0.1:" + engine.adminPort() + "/#token=viewer-token";

            String dom = HeadlessChromium.dom(browser, page);
            assertTrue(dom.contains("id=\"health-status\" class=\"badge UP\">UP<"), "the health badge shows UP");
            assertTrue(dom.contains("reject-storm:T2</td><td class=\"state OPEN\">OPEN"), "the tripped breaker shows OPEN");
            assertTrue(dom.contains("volatility:BTC-USD</td><td class=\"state CLOSED\">CLOSED"), "the others show CLOSED");
            assertTrue(dom.contains("<td>endToEnd</td>"), "the latency table is filled");
            assertTrue(dom.contains(">65000.00<") || dom.contains(">65002.00<"), "the book shows BTC-USD's asks");

            HeadlessChromium.screenshot(browser, page, Path.of("..", "docs", "dashboard.png").toAbsolutePath().normalize());
        }
    }
}

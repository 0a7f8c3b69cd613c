package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    Path dir;

    @Test
    void theDashboardRendersHealthAndBreakersFromTheApi() throws Exception {
        HeadlessChromium browser = HeadlessChromium.findOrSkip("DashboardPageTest", dir.resolve("chromium-profile"));
        try (RunningEngine engine = RunningEngine.startDemo(dir.resolve("data"), false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            TestHttp rest = TestHttp.at(engine.restPort());
            for (int i = 0; i < 3; i++) {
                rest.key("t1-key").post("/api/v1/orders", TestHttp.limitOrder("d-" + i, "BTC-USD", "SELL", "6500" + i + ".00", "0.25"));
            }
            TestHttp.at(engine.adminPort()).bearer("operator-token").post("/admin/v1/breakers/reject-storm:T2/trip", null);
            rest.key("t3-key").post("/api/v1/orders", TestHttp.limitOrder("p-1", "TEST", "SELL", "101", "3"));
            rest.key("t3-key").post("/api/v1/orders", TestHttp.limitOrder("p-2", "TEST", "SELL", "102", "4"));
            rest.key("t4-key").post("/api/v1/orders", TestHttp.limitOrder("q-1", "TEST", "BUY", "101", "2"));
            String admin = "http://127.0.0.1:" + engine.adminPort();
            String loading = TestHttp.at(admin).get("/").body();
            assertTrue(loading.contains("<tbody id=\"breakers\"><tr class=\"loading\"><td colspan=\"6\">loading…</td>"),
                    "each panel says it is loading until its first answer");
            String page = admin + "/#token=viewer-token";

            String dom = browser.dom(page);
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

            String operator = browser.dom(admin + "/#token=operator-token&book=TEST");
            assertTrue(operator.contains("<button>trip</button>") && operator.contains("<button>halt</button>"), "an operator may act");
            assertTrue(operator.contains("<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\">101</td><td class=\"num\">1</td>"),
                    "the book of the symbol chosen: " + operator);

            browser.screenshot(admin + "/#token=operator-token&book=TEST", Path.of("..", "docs", "dashboard.png").toAbsolutePath().normalize());
        }
    }
}

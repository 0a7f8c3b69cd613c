package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.ReplayVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.ringbook.app.TestHttp.ok;
import static io.ringbook.app.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator steering the whole app through the admin API while a client trades over
 * REST: roles, halts, breakers, kill switches and limits take effect on the client's
 * next order, and the journal of it all replays byte for byte.
 */
class OperatorEndToEndTest {

    @TempDir
    Path data;

    private RunningEngine engine;
    private String admin;
    private String rest;

    @BeforeEach
    void start() {
        engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any());
        admin = "http://127.0.0.1:" + engine.adminPort();
        rest = "http://127.0.0.1:" + engine.restPort();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void rolesGuardEveryAdminCall() throws Exception {
        assertEquals(401, call("GET", null, "/admin/v1/breakers", null).statusCode());
        assertEquals(401, call("GET", "not-a-token", "/admin/v1/breakers", null).statusCode());
        assertEquals(200, call("GET", "viewer-token", "/admin/v1/breakers", null).statusCode());
        assertEquals(403, call("POST", "viewer-token", "/admin/v1/symbols/TEST/halt", "{}").statusCode());
        assertEquals(403, call("PUT", "operator-token", "/admin/v1/accounts/T1/limits", DemoLimits.T1).statusCode());
        HttpResponse<String> forbidden = call("POST", "viewer-token", "/admin/v1/kill-switch", "{}");
        assertEquals("FORBIDDEN", JSON.readTree(forbidden.body()).at("/error/code").asText());
        assertEquals("nosniff", forbidden.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(404, call("GET", "viewer-token", "/admin/v1/nothing-here", null).statusCode());
        assertEquals("{\"token\":\"operator\",\"role\":\"operator\"}", ok(call("GET", "operator-token", "/admin/v1/whoami", null)).toString(),
                "the dashboard learns what the token may do");
        assertEquals(401, call("GET", null, "/admin/v1/whoami", null).statusCode());
    }

    @Test
    void healthReportsEveryComponentAndReadiness() throws Exception {
        JsonNode health = ok(call("GET", null, "/health", null));
        assertEquals("UP", health.get("status").asText(), health.toString());
        assertEquals(100, health.get("score").asInt());
        for (String component : new String[]{"ringBuffer", "businessLogic", "restGateway", "disk", "jvm"}) {
            assertEquals("UP", health.at("/components/" + component + "/status").asText(), component);
        }
        assertEquals(4096, health.at("/components/ringBuffer/details/inboundSize").asInt());
        assertEquals(0, health.at("/components/businessLogic/details/clOrdIdIndexSplits").asInt(), "the day's clOrdId index has not grown");
        assertTrue(health.at("/components/outboundListeners/details/output-journalLag").isNumber(), "each outbound consumer reports its lag");
        assertEquals(200, call("GET", null, "/health/ready", null).statusCode());
        assertEquals(200, call("GET", null, "/health/live", null).statusCode());
    }

    @Test
    void aHaltedSymbolRefusesOrdersUntilResumed() throws Exception {
        JsonNode halted = ok(call("POST", "operator-token", "/admin/v1/symbols/TEST/halt", null));
        assertEquals("{\"symbol\":\"TEST\",\"halted\":true}", halted.toString());
        assertEquals("SYMBOL_HALTED", order("t1-key", "h-1", "BUY", "100", "1").get("rejectReason").asText());
        assertTrue(symbol("TEST").get("halted").asBoolean());
        ok(call("POST", "operator-token", "/admin/v1/symbols/TEST/halt", null));
        assertEquals(false, ok(call("POST", "operator-token", "/admin/v1/symbols/TEST/resume", null)).get("halted").asBoolean());
        assertEquals("NEW", order("t1-key", "h-2", "BUY", "100", "1").get("status").asText());
        assertEquals(404, call("POST", "operator-token", "/admin/v1/symbols/DOGE/halt", null).statusCode());
    }

    @Test
    void theKillSwitchCancelsAnAccountsOrdersAndBlocksItUntilReleased() throws Exception {
        order("t1-key", "k-1", "BUY", "90", "1");
        order("t1-key", "k-2", "BUY", "91", "1");
        JsonNode killed = ok(call("POST", "operator-token", "/admin/v1/kill-switch", "{\"account\":\"T1\"}"));
        assertEquals("{\"account\":\"T1\",\"active\":true,\"canceledOrders\":2}", killed.toString());
        assertEquals("KILL_SWITCH", order("t1-key", "k-3", "BUY", "92", "1").get("rejectReason").asText());
        assertEquals("NEW", order("t2-key", "k-4", "BUY", "92", "1").get("status").asText(), "T2 trades on");
        JsonNode switches = ok(call("GET", "viewer-token", "/admin/v1/kill-switch", null));
        assertEquals(5, switches.size());
        assertTrue(switches.get(1).get("active").asBoolean());
        assertEquals("T1", switches.get(1).get("account").asText());
        JsonNode account = ok(call("GET", null, "/api/v1/account", null, "t1-key", rest));
        assertTrue(account.at("/killSwitch/active").asBoolean());
        JsonNode released = ok(call("DELETE", "operator-token", "/admin/v1/kill-switch?account=T1", null));
        assertEquals("{\"account\":\"T1\",\"active\":false,\"since\":null}", released.toString());
        assertEquals("NEW", order("t1-key", "k-5", "BUY", "92", "1").get("status").asText());
        assertEquals(400, call("POST", "operator-token", "/admin/v1/kill-switch", "{\"acount\":\"T1\"}").statusCode());
        assertEquals(404, call("POST", "operator-token", "/admin/v1/kill-switch", "{\"account\":\"T9\"}").statusCode());
        JsonNode global = ok(call("POST", "operator-token", "/admin/v1/kill-switch", "{}"));
        assertEquals(2, global.get("canceledOrders").asInt(), "T2's and T1's open orders");
        ok(call("DELETE", "operator-token", "/admin/v1/kill-switch", null));
    }

    @Test
    void limitsReadAsTheContractShowsThemAndReplacedLimitsApplyAtOnce() throws Exception {
        assertEquals(JSON.readTree(DemoLimits.T1), ok(call("GET", "viewer-token", "/admin/v1/accounts/T1/limits", null)));
        String tight = DemoLimits.T1.replace("\"1000000\"", "\"5\"").replace("\"maxOrderNotional\":null", "\"maxOrderNotional\":\"1000\"");
        JsonNode stored = ok(call("PUT", "admin-token", "/admin/v1/accounts/T1/limits", tight));
        assertEquals(JSON.readTree(tight), stored);
        assertEquals("MAX_ORDER_QTY", order("t1-key", "l-1", "BUY", "100", "6").get("rejectReason").asText());
        assertEquals("MAX_NOTIONAL", order("t1-key", "l-2", "BUY", "201", "5").get("rejectReason").asText());
        assertEquals("NEW", order("t1-key", "l-3", "BUY", "200", "5").get("status").asText());
        assertEquals("5", ok(call("GET", null, "/api/v1/account", null, "t1-key", rest)).at("/limits/maxOrderQty/*").asText());
        HttpResponse<String> missing = call("PUT", "admin-token", "/admin/v1/accounts/T1/limits", "{\"maxOrderQty\":{\"*\":\"5\"}}");
        assertEquals(400, missing.statusCode());
        assertEquals("MISSING_FIELD", JSON.readTree(missing.body()).at("/error/code").asText());
        assertEquals(400, call("PUT", "admin-token", "/admin/v1/accounts/T1/limits", "{not json").statusCode());
        assertEquals(404, call("PUT", "admin-token", "/admin/v1/accounts/T9/limits", DemoLimits.T1).statusCode());
        assertEquals(JSON.readTree(tight), ok(call("GET", "viewer-token", "/admin/v1/accounts/T1/limits", null)), "refusals change nothing");
    }

    @Test
    void anOperatorTripsAndResetsABreakerAndTheJournalReplaysIt() throws Exception {
        JsonNode breakers = ok(call("GET", "viewer-token", "/admin/v1/breakers", null));
        assertEquals(11, breakers.size(), "3 volatility, 4 reject-storm, 4 daily-loss");
        assertEquals("{\"name\":\"volatility:BTC-USD\",\"state\":\"CLOSED\",\"trips\":0,\"openedAt\":null,\"nextRetryAt\":null,"
                + "\"healthScore\":100}", breakers.get(0).toString());
        JsonNode tripped = ok(call("POST", "operator-token", "/admin/v1/breakers/volatility:TEST/trip", null));
        assertEquals("OPEN", tripped.get("state").asText());
        assertEquals(1, tripped.get("trips").asInt());
        assertEquals("BREAKER_OPEN", order("t1-key", "b-1", "BUY", "100", "1").get("rejectReason").asText());
        assertTrue(symbol("TEST").get("halted").asBoolean(), "an open volatility breaker halts the symbol");
        assertEquals("CLOSED", ok(call("POST", "operator-token", "/admin/v1/breakers/volatility:TEST/reset", null)).get("state").asText());
        assertEquals("NEW", order("t1-key", "b-2", "BUY", "100", "1").get("status").asText());
        assertEquals("OPEN", ok(call("POST", "operator-token", "/admin/v1/breakers/reject-storm:T2/trip", null)).get("state").asText());
        JsonNode account = ok(call("GET", null, "/api/v1/account", null, "t2-key", rest));
        assertEquals("reject-storm:T2", account.at("/breakers/0/name").asText());
        assertEquals("OPEN", account.at("/breakers/0/state").asText());
        assertEquals(404, call("POST", "operator-token", "/admin/v1/breakers/volatility:DOGE/trip", null).statusCode());
        assertEquals(404, call("POST", "operator-token", "/admin/v1/breakers/storm:T1/trip", null).statusCode());
        engine.close();
        assertNull(ReplayVerifier.verify(data, EngineLogic.replay(1 << 16)).firstDifference());
        start();
        assertEquals("OPEN", ok(call("GET", "viewer-token", "/admin/v1/breakers", null)).get(4).get("state").asText(),
                "recovery rebuilds the risk state");
    }

    @Test
    void latencyMetricsPositionsBookAndJournalReflectTheLoad() throws Exception {
        for (int i = 0; i < 40; i++) {
            order("t1-key", "m-" + i, "SELL", Integer.toString(100 + i % 4), "2");
            order("t2-key", "n-" + i, "BUY", "101", "1");
        }
        JsonNode latency = ok(call("GET", "viewer-token", "/admin/v1/latency", null));
        for (String stage : new String[]{"ingressToJournaled", "journaledToDecided", "decidedToReported", "endToEnd"}) {
            JsonNode s = latency.at("/sinceStart/" + stage);
            assertTrue(s.get("count").asLong() >= 80, stage + " " + s);
            double previous = 0;
            for (String p : new String[]{"p50", "p90", "p99", "p99_9", "p99_99", "max"}) {
                assertTrue(s.get(p).asDouble() >= previous, stage + " percentiles ordered: " + s);
                previous = s.get(p).asDouble();
            }
        }
        assertTrue(latency.at("/sinceStart/endToEnd/p50").asDouble() > 0);
        assertEquals(10, latency.get("intervalSeconds").asInt());
        long inWindow = latency.at("/interval/endToEnd/count").asLong();
        assertTrue(inWindow >= 80, "the last 10 s hold the load: " + latency);
        assertEquals(inWindow, ok(call("GET", "viewer-token", "/admin/v1/latency", null)).at("/interval/endToEnd/count").asLong(),
                "a second reader sees the same window: reading does not reset it");
        assertEquals(403, call("POST", "viewer-token", "/admin/v1/latency/reset", null).statusCode());
        assertEquals(0, ok(call("POST", "operator-token", "/admin/v1/latency/reset", null)).at("/sinceStart/endToEnd/count").asLong());

        HttpResponse<String> metrics = call("GET", null, "/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("ringbook_orders_in_total 80.0"), metrics.body());
        assertTrue(metrics.body().contains("ringbook_trades_total 40.0"));
        assertTrue(metrics.body().contains("ringbook_breaker_state{name=\"volatility:TEST\"} 0.0"));
        assertTrue(metrics.body().contains("ringbook_health_detail{component=\"ringBuffer\",detail=\"inboundSize\"} 4096.0"));
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));

        JsonNode positions = ok(call("GET", "viewer-token", "/admin/v1/positions", null));
        assertEquals(2, positions.size());
        assertEquals("T1", positions.get(0).get("account").asText());
        assertEquals("-40", positions.get(0).get("qty").asText());
        JsonNode book = ok(call("GET", "viewer-token", "/admin/v1/book/TEST", null));
        assertEquals(0, book.get("bids").size());
        assertEquals("102", book.at("/asks/0/price").asText(), "what T2 did not take: 102 and 103, in time priority");
        assertEquals("T1", book.at("/asks/0/account").asText());

        JsonNode snapshot = ok(call("POST", "operator-token", "/admin/v1/snapshot", null));
        assertTrue(snapshot.get("id").asLong() > 80);
        JsonNode journal = ok(call("GET", "viewer-token", "/admin/v1/journal", null));
        assertEquals("PROCESS_CRASH", journal.get("durability").asText());
        assertTrue(journal.at("/input/lastSequence").asLong() >= snapshot.get("id").asLong());
        assertTrue(journal.at("/input/bytesOnDisk").asLong() > 0);
        waitFor(() -> !ok(call("GET", "viewer-token", "/admin/v1/journal", null)).get("lastSnapshot").isNull());
    }

    @Test
    void operatorActionsAreInTheAuditTrail() throws Exception {
        ok(call("POST", "operator-token", "/admin/v1/kill-switch", "{\"account\":\"T3\"}"));
        ok(call("POST", "operator-token", "/admin/v1/symbols/ETH-USD/halt", null));
        JsonNode kills = ok(call("GET", "viewer-token", "/admin/v1/audit?type=KILL_SWITCH", null));
        assertEquals(1, kills.size());
        assertEquals("T3", kills.get(0).get("account").asText());
        JsonNode t3 = ok(call("GET", "viewer-token", "/admin/v1/audit?account=T3&limit=10", null));
        assertEquals("KILL_SWITCH_CHANGED", t3.get(t3.size() - 1).get("type").asText());
        JsonNode halts = ok(call("GET", "viewer-token", "/admin/v1/audit?type=symbol_status&from=2000-01-01T00:00:00Z", null));
        assertEquals("ETH-USD", halts.get(0).get("symbol").asText());
        assertEquals(0, ok(call("GET", "viewer-token", "/admin/v1/audit?to=2000-01-01T00:00:00Z", null)).size());
        assertEquals(400, call("GET", "viewer-token", "/admin/v1/audit?type=NOPE", null).statusCode());
        assertEquals(400, call("GET", "viewer-token", "/admin/v1/audit?from=yesterday", null).statusCode());
        assertEquals(400, call("GET", "viewer-token", "/admin/v1/audit?limit=0", null).statusCode());
        engine.close();
        assertNull(ReplayVerifier.verify(data, EngineLogic.replay(1 << 16)).firstDifference(), "operator actions replay too");
        start();
        assertTrue(ok(call("GET", "viewer-token", "/admin/v1/kill-switch", null)).get(3).get("active").asBoolean(),
                "T3's kill switch survives the restart");
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesBothServersAnswer() throws Exception {
        JsonNode openApi = ok(call("GET", null, "/openapi.json", null));
        assertEquals("3.0.3", openApi.get("openapi").asText());
        java.util.Set<String> documented = new java.util.TreeSet<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!method.getKey().equals("servers")) {
                documented.add(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        java.util.Set<String> served = new java.util.TreeSet<>(engine.adminRoutes());
        served.addAll(engine.restRoutes());
        assertEquals(served, documented);
        assertEquals("http://127.0.0.1:" + engine.restPort(), openApi.at("/servers/0/url").asText(), "the ports in use");
        assertEquals("http://127.0.0.1:" + engine.adminPort(), openApi.at("/servers/1/url").asText());
        assertEquals("http://127.0.0.1:" + engine.restPort(), openApi.at("/paths/~1api~1v1~1orders/servers/0/url").asText());
    }

    @Test
    void theDashboardIsServedWithAContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = call("GET", null, "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Ringbook operator dashboard"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertEquals(200, call("GET", null, "/dashboard.js", null).statusCode());
    }

    private static void waitFor(Check condition) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.met()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean met() throws Exception;
    }

    private JsonNode order(String key, String clOrdId, String side, String price, String qty) throws Exception {
        return TestHttp.json(call("POST", null, "/api/v1/orders", TestHttp.limitOrder(clOrdId, "TEST", side, price, qty), key, rest));
    }

    private JsonNode symbol(String name) throws Exception {
        for (JsonNode symbol : ok(call("GET", null, "/api/v1/symbols", null, null, rest))) {
            if (symbol.get("symbol").asText().equals(name)) {
                return symbol;
            }
        }
        throw new AssertionError("no symbol " + name);
    }

    private HttpResponse<String> call(String method, String token, String path, String body) throws Exception {
        return call(method, token, path, body, null, admin);
    }

    private HttpResponse<String> call(String method, String token, String path, String body, String apiKey, String base) throws Exception {
        return TestHttp.at(base).bearer(token).key(apiKey).send(method, path, body);
    }
}

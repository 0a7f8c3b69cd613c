package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.ProfileFileTest;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ringbook.app.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine run from a configuration file (docs/ringbook.example.yaml), used as its clients and operators would. */
class ConfiguredProfileTest {

    private static final String FUND1 = "fund1-key-0123456789";
    private static final String FUND2 = "fund2-key-0123456789";
    private static final String VIEWER = "viewer-token-0123456789";
    private static final String FUND1_FIX = ProfileFileTest.ENVIRONMENT.get("FUND1_FIX_PASSWORD");
    private static final String FUND2_FIX = ProfileFileTest.ENVIRONMENT.get("FUND2_FIX_PASSWORD");
    @TempDir
    Path dir;

    @Test
    void shouldTradeAndGuardAsTheFileSays() throws Exception {
        var profile = ProfileFile.read(ProfileFileTest.EXAMPLE, ProfileFileTest.ENVIRONMENT::get).withPorts(Ports.any());
        try (RunningEngine engine = RunningEngine.start(profile, dir.resolve("data"), false, PipelineConfig.DEFAULTS,
                Durability.PROCESS_CRASH)) {
            String rest = "http://127.0.0.1:" + engine.restPort();
            String admin = "http://127.0.0.1:" + engine.adminPort();

            assertEquals(401, send(rest, "GET", "X-API-Key", "t1-key", "/api/v1/account", null).statusCode(),
                    "no demo credentials outside the demo profile");
            assertEquals(401, send(rest, "GET", "X-API-Key", FUND1, "/api/v1/account", null).statusCode(),
                    "FUND1 has a secret, so it must sign");
            HttpResponse<String> symbols = send(rest, "GET", "X-API-Key", FUND2, "/api/v1/symbols", null);
            JsonNode btc = JSON.readTree(symbols.body()).get(0);
            assertEquals("BTC-USD", btc.get("symbol").asText());
            assertEquals("-0.0001", btc.get("makerFee").asText());
            assertEquals("MON-FRI 14:30-21:00", JSON.readTree(symbols.body()).get(1).get("tradingHours").asText());

            HttpResponse<String> accepted = order(rest, "c-1", "60000", "1");
            assertEquals(201, accepted.statusCode(), accepted.body());
            HttpResponse<String> outsideBand = order(rest, "c-2", "70000", "1");
            assertEquals(422, outsideBand.statusCode());
            assertEquals("PRICE_BAND", JSON.readTree(outsideBand.body()).get("rejectReason").asText());
            HttpResponse<String> tooBig = order(rest, "c-3", "60000", "5.0001");
            assertEquals("MAX_ORDER_QTY", JSON.readTree(tooBig.body()).get("rejectReason").asText());

            assertEquals(401, send(admin, "GET", "Authorization", "Bearer viewer-token", "/admin/v1/breakers", null).statusCode());
            HttpResponse<String> limits = send(admin, "GET", "Authorization", "Bearer " + VIEWER, "/admin/v1/accounts/FUND1/limits", null);
            assertEquals("50000", JSON.readTree(limits.body()).get("dailyLossLimit").asText());
            assertEquals(403, send(admin, "PUT", "Authorization", "Bearer " + VIEWER, "/admin/v1/accounts/FUND1/limits",
                    limits.body()).statusCode());

            try (FixClient fund2 = new FixClient("FUND2-FIX", FUND2_FIX, engine.fixPort(), dir.resolve("fix-fund2"));
                 FixClient byName = new FixClient("FUND2", FUND2_FIX, engine.fixPort(), dir.resolve("fix-by-name"))) {
                assertTrue(fund2.awaitLogon(10), "an account logs on with the SenderCompID its configuration gives");
                assertFalse(byName.awaitLogon(2), "and not with its name then");
                fund2.send(FixEndToEndTest.statusRequest("c-1", "BTC-USD", '1'));
                assertEquals('I', fund2.next(MsgType.EXECUTION_REPORT).getChar(150));
            }
        }
    }

    @Test
    void shouldApplyChangedLimitsAtARestartKeepOperatorChangesOtherwiseAndReplayIdentically() throws Exception {
        Path data = dir.resolve("data");
        String yaml = Files.readString(ProfileFileTest.EXAMPLE);
        Path tighter = dir.resolve("tighter.yaml");
        Files.writeString(tighter, yaml.replace("BTC-USD: \"50000\"}", "BTC-USD: \"20000\"}"));
        try (RunningEngine engine = start(ProfileFileTest.EXAMPLE, data)) {
            assertEquals(201, order("http://127.0.0.1:" + engine.restPort(), "c-1", "60000", "3").statusCode());
        }
        try (RunningEngine engine = start(tighter, data)) {
            assertEquals(java.util.List.of("FUND1", "FUND2"), engine.recovery().limitsChanged(), "\"*\" changed for both");
            HttpResponse<String> refused = order("http://127.0.0.1:" + engine.restPort(), "c-2", "60000", "3");
            assertEquals("MAX_ORDER_QTY", JSON.readTree(refused.body()).get("rejectReason").asText(), "2 BTC now at most");
            String admin = "http://127.0.0.1:" + engine.adminPort();
            HttpResponse<String> limits = send(admin, "GET", "Authorization", "Bearer " + VIEWER, "/admin/v1/accounts/FUND2/limits", null);
            assertEquals(200, send(admin, "PUT", "Authorization", "Bearer admin-token-0123456789", "/admin/v1/accounts/FUND2/limits",
                    limits.body().replace("\"maxOpenOrders\":500", "\"maxOpenOrders\":7")).statusCode());
        }
        try (RunningEngine engine = start(tighter, data)) {
            assertEquals(java.util.List.of(), engine.recovery().limitsChanged(), "the same file changes nothing");
            HttpResponse<String> limits = send("http://127.0.0.1:" + engine.adminPort(), "GET", "Authorization", "Bearer " + VIEWER,
                    "/admin/v1/accounts/FUND2/limits", null);
            assertEquals(7, JSON.readTree(limits.body()).get("maxOpenOrders").asInt(), "the operator's change survives the restart");
        }
        assertEquals(null, io.ringbook.journal.ReplayVerifier.verify(data, EngineLogic.replay(1 << 16)).firstDifference(),
                "the journal, with its starts' limit changes, replays to itself");
        java.util.List<String> setLimits = new java.util.ArrayList<>();
        io.ringbook.journal.JournalQuery.run(data, new io.ringbook.journal.JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE,
                io.ringbook.journal.codec.RecordType.SET_LIMITS, "FUND2"), Long.MAX_VALUE, io.ringbook.web.LimitsDocument::toJson, setLimits::add);
        assertTrue(setLimits.get(0).contains("\"maxOrderQty\":{\"*\":\"100\",\"BTC-USD\":\"20000\"}"),
                "the journal shows the start's change in the admin API's shape: " + setLimits.get(0));
        Path otherTick = dir.resolve("other-tick.yaml");
        Files.writeString(otherTick, yaml.replace("tickSize: \"0.01\"\n    lotSize: \"0.0001\"", "tickSize: \"0.1\"\n    lotSize: \"0.0001\""));
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> start(otherTick, data));
        assertTrue(refused.getMessage().contains("limits may change"), refused.getMessage());
    }

    private RunningEngine start(Path config, Path data) {
        var profile = ProfileFile.read(config, ProfileFileTest.ENVIRONMENT::get).withPorts(Ports.any());
        return RunningEngine.start(profile, data, false, PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH);
    }

    @Test
    void anAccountMayKeepItsOrdersWhenItsSessionGoesAway() throws Exception {
        try (RunningEngine engine = start(ProfileFileTest.EXAMPLE, dir.resolve("data"))) {
            try (FixClient fund1 = new FixClient("FUND1", FUND1_FIX, engine.fixPort(), dir.resolve("fix-fund1"))) {
                assertTrue(fund1.awaitLogon(10));
                fund1.send(FixEndToEndTest.order("k-1", "BTC-USD", '1', "59000", "1"));
                assertEquals('0', fund1.next(MsgType.EXECUTION_REPORT).getChar(150));
            }
            try (FixClient again = new FixClient("FUND1", FUND1_FIX, engine.fixPort(), dir.resolve("fix-fund1"))) {
                assertTrue(again.awaitLogon(10));
                again.send(FixEndToEndTest.statusRequest("k-1", "BTC-USD", '1'));
                Message report = again.next(MsgType.EXECUTION_REPORT);
                assertEquals('I', report.getChar(150));
                assertEquals('0', report.getChar(39), "FUND1 has fixCancelOnDisconnect: false, so its order still rests");
            }
        }
    }

    @Test
    void shouldRefuseToStartOnAMistakeAndSaySo() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "symbols: {TEST: {tickSize: \"1\", lotSize: \"1\"}}\naccounts: {A: {apiKey: short}}\n"
                + "adminTokens: {admin: \"admin-token-0123456789\"}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream was = System.err;
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = RingbookCommand.run("start", "--config", config.toString(), "--data", dir.resolve("data").toString());
        } finally {
            System.setErr(was);
        }
        assertEquals(2, code);
        assertTrue(err.toString().contains("accounts.A.apiKey: must have at least 16 characters"), err.toString());
        assertFalse(Files.exists(dir.resolve("data")), "nothing started");
    }

    private HttpResponse<String> order(String rest, String clOrdId, String price, String qty) throws Exception {
        return send(rest, "POST", "X-API-Key", FUND2, "/api/v1/orders", "{\"clOrdId\":\"" + clOrdId
                + "\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + price + "\",\"qty\":\"" + qty + "\"}");
    }

    private HttpResponse<String> send(String base, String method, String header, String value, String path, String body) throws Exception {
        return TestHttp.at(base).header(header, value).send(method, path, body);
    }
}

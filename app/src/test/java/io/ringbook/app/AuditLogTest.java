package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.ringbook.app.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The audit log as the app writes it (its own logging configuration, on stdout): one
 * JSON line per admin change naming the token (by name, never the secret), its role,
 * the address and the request id; a request id made to look like more fields stays one
 * string value.
 */
class AuditLogTest {

    private static final String FORGED = "x\",\"role\":\"admin\",\"ip\":\"1.2.3.4";

    @TempDir
    Path data;

    @Test
    void shouldWriteOneJsonLinePerAdminChangeNamingTheTokenThatAWriterCannotForge() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try (RunningEngine engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            String admin = "http://127.0.0.1:" + engine.adminPort();
            assertEquals(200, send(admin + "/admin/v1/accounts/T1/limits", "PUT", "admin-token", FORGED, DemoLimits.T1).statusCode());
            assertEquals(200, send(admin + "/admin/v1/symbols/TEST/halt", "POST", "operator-token", "halt-1", null).statusCode());
            assertEquals(403, send(admin + "/admin/v1/symbols/TEST/resume", "POST", "viewer-token", "refused-1", null).statusCode());
            List<JsonNode> audit = waitForAuditLines(captured, 2);
            assertEquals(2, audit.size(), audit.toString());

            JsonNode limits = audit.get(0);
            assertEquals(new TreeSet<>(Set.of("time", "action", "target", "token", "role", "ip", "requestId")), fields(limits));
            assertEquals("set-limits", limits.get("action").asText());
            assertEquals("T1", limits.get("target").asText());
            assertEquals("admin", limits.get("token").asText());
            assertEquals("admin", limits.get("role").asText());
            assertEquals("127.0.0.1", limits.get("ip").asText(), "the forged address is not a field");
            assertEquals(FORGED, limits.get("requestId").asText(), "the forged request id stays one string value");

            JsonNode halt = audit.get(1);
            assertEquals("halt", halt.get("action").asText());
            assertEquals("TEST", halt.get("target").asText());
            assertEquals("operator", halt.get("token").asText());
            assertEquals("halt-1", halt.get("requestId").asText());
            String everything = captured.toString(StandardCharsets.UTF_8);
            assertFalse(everything.contains("admin-token") || everything.contains("operator-token"), "tokens are never logged");
        } finally {
            System.setOut(original);
        }
    }

    private static List<JsonNode> waitForAuditLines(ByteArrayOutputStream captured, int expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<JsonNode> audit = new ArrayList<>();
            for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("{") && line.contains("\"action\"")) {
                    audit.add(JSON.readTree(line));
                }
            }
            if (audit.size() >= expected || System.nanoTime() > deadline) {
                return audit;
            }
            Thread.sleep(10);
        }
    }

    private static Set<String> fields(JsonNode line) {
        Set<String> names = new TreeSet<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> send(String url, String method, String token, String requestId, String body) throws Exception {
        return TestHttp.at("").bearer(token).header("X-Request-Id", requestId).send(method, url, body);
    }

    /** Writes to the console as before and keeps a copy for the test to read. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                console.write(b);
            } catch (Exception ignored) {
                // the copy is what the test reads
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (Exception ignored) {
                // the copy is what the test reads
            }
        }
    }
}

package io.ringbook.app;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /metrics} scraped after real orders, and held to Prometheus conventions:
 * every family has a non-empty HELP and a TYPE, counters end in {@code _total}, latency is
 * in seconds, quantile labels are short decimals, no series stands for "no reason", and an
 * idempotent resend (answered 200) is not counted as a rejected order.
 */
class MetricsConventionsTest extends DemoEngineTest {

    private static final Pattern HELP = Pattern.compile("# HELP (\\S+) ?(.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (\\S+)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");

    @Test
    void shouldFollowPrometheusConventionsAndCountAResendAsNoReject() throws Exception {
        String order = "{\"clOrdId\":\"r-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100\",\"qty\":\"1\"}";
        assertEquals(201, place(order).statusCode());
        assertEquals(200, place(order).statusCode(), "an idempotent resend");
        assertEquals(409, place(order.replace("\"1\"}", "\"2\"}")).statusCode(), "the same clOrdId with another body");
        String text = TestHttp.at(engine.adminPort()).get("/metrics").body();

        Map<String, String> help = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher h = HELP.matcher(line);
            Matcher t = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (h.matches()) {
                assertFalse(h.group(2).isBlank(), "HELP of " + h.group(1) + " says something");
                help.put(h.group(1), h.group(2));
            } else if (t.matches()) {
                types.put(t.group(1), t.group(2));
                if (t.group(2).equals("counter")) {
                    assertTrue(t.group(1).endsWith("_total"), t.group(1));
                }
            } else if (!line.isBlank()) {
                assertTrue(sample.matches(), "a sample line: " + line);
                String labels = sample.group(2) == null ? "" : sample.group(2);
                String family = family(sample.group(1), types);
                assertTrue(help.containsKey(family) && types.containsKey(family), "HELP and TYPE precede " + line);
                assertFalse(labels.contains("=\"NONE\""), "no series for no reason: " + line);
                assertFalse(labels.contains("reason=\"DUPLICATE_CLORDID\""), "a reused clOrdId is no reject: " + line);
                Matcher quantile = Pattern.compile("quantile=\"([^\"]*)\"").matcher(labels);
                if (quantile.find()) {
                    assertTrue(quantile.group(1).matches("0\\.\\d{1,4}|1"), "a short quantile: " + line);
                }
            }
        }
        assertTrue(text.contains("ringbook_orders_in_total 1.0"), "one order in, not three");
        assertTrue(text.contains("ringbook_orders_accepted_total 1.0"));
        assertTrue(text.contains("ringbook_orders_clordid_reused_total 2.0"));
        assertTrue(text.contains("ringbook_stage_latency_seconds{quantile=\"0.999\",stage=\"endToEnd\"}"), text);
        assertFalse(text.contains("microseconds"), "base units");
    }

    /** The family a sample belongs to: its name, or its name without a histogram's or summary's suffix. */
    private static String family(String name, Map<String, String> types) {
        for (String suffix : new String[]{"", "_bucket", "_count", "_sum", "_max"}) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private HttpResponse<String> place(String body) throws Exception {
        return TestHttp.at(engine.restPort()).key("t1-key").post("/api/v1/orders", body);
    }
}

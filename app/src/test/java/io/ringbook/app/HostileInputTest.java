package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static io.ringbook.app.TestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few bytes of input must never become megabytes of answer: numbers with huge
 * exponents (a 90-byte body once answered with a 100 MB message spelling out
 * {@code 1e-99999999}) and long strings are refused with a short body, quoted at most
 * a few dozen characters, on the order gateway (POST, PATCH) and the admin API (PUT
 * limits), through real HTTP against the whole app.
 */
class HostileInputTest extends DemoEngineTest {

    private static final List<String> EXPONENTS = List.of("1e-99999999", "1e-999999999", "1e999999999");
    private static final int MAX_BODY = 1024;
    private static final String LONG = "x".repeat(20_000);
    private static final String LIMITS = "{\"maxOrderQty\":%s,\"maxPosition\":{\"*\":null},\"maxOrderNotional\":%s,"
            + "\"maxGrossNotional\":null,\"maxConcentrationPct\":%s,\"maxOpenOrders\":%s,\"maxOpenOrdersPerSymbol\":null,"
            + "\"maxOrdersPerSecond\":10000,\"dailyLossLimit\":null}";

    @Test
    void shouldRefuseHugeExponentsInANewOrderWithAShortBody() throws Exception {
        for (String number : EXPONENTS) {
            for (String value : List.of("\"" + number + "\"", number)) {
                for (String symbol : List.of("TEST", "BTC-USD", "NOPE")) {
                    refused("POST", "/api/v1/orders", order(symbol, value, "1"), "INVALID_PRICE");
                    refused("POST", "/api/v1/orders", order(symbol, "1", value), "INVALID_QTY");
                }
            }
        }
    }

    @Test
    void shouldRefuseHugeExponentsInAnAmendWithAShortBody() throws Exception {
        JsonNode resting = JSON.readTree(send("POST", rest("/api/v1/orders"), null, order("TEST", "\"90\"", "\"1\"")).body());
        String path = "/api/v1/orders/" + resting.get("orderId").asLong();
        for (String number : EXPONENTS) {
            for (String value : List.of("\"" + number + "\"", number)) {
                refused("PATCH", path, "{\"price\":" + value + "}", "INVALID_PRICE");
                refused("PATCH", path, "{\"qty\":" + value + "}", "INVALID_QTY");
            }
        }
        assertEquals("90", JSON.readTree(send("GET", rest(path), null, null).body()).get("price").asText(), "the order is unchanged");
    }

    @Test
    void shouldRefuseHugeExponentsInLimitsWithAShortBody() throws Exception {
        for (String number : EXPONENTS) {
            for (String value : List.of("\"" + number + "\"", number)) {
                adminRefused(String.format(LIMITS, "{\"*\":" + value + "}", "null", "null", "10"));
                adminRefused(String.format(LIMITS, "{\"*\":null}", value, "null", "10"));
                adminRefused(String.format(LIMITS, "{\"*\":null}", "null", value, "10"));
                adminRefused(String.format(LIMITS, "{\"*\":null}", "null", "null", value));
            }
        }
    }

    @Test
    void shouldQuoteAtMostAFewDozenCharactersOfALongString() throws Exception {
        refused("POST", "/api/v1/orders", order("TEST", "\"1\"", "\"1\"").replace("\"BUY\"", "\"" + LONG + "\""), "INVALID_FIELD");
        refused("POST", "/api/v1/orders", order("TEST", "\"1\"", "\"1\"").replace("{", "{\"" + LONG + "\":1,"), "UNKNOWN_FIELD");
        refused("POST", "/api/v1/orders", order("TEST", "\"1" + LONG + "\"", "\"1\""), "INVALID_PRICE");
        HttpResponse<String> unknownSymbol = send("POST", rest("/api/v1/orders"), null, order(LONG, "\"1\"", "\"1\""));
        assertTrue(unknownSymbol.body().length() < MAX_BODY, unknownSymbol.body().length() + " bytes");
        HttpResponse<String> account = send("GET", admin("/admin/v1/accounts/" + "x".repeat(4_000) + "/limits"), "viewer-token", null);
        assertEquals(404, account.statusCode());
        assertTrue(account.body().length() < MAX_BODY, account.body());
        adminRefused(String.format(LIMITS, "{\"*\":null,\"" + LONG + "\":1}", "null", "null", "1"));
    }

    private void refused(String method, String path, String body, String code) throws Exception {
        HttpResponse<String> response = send(method, rest(path), null, body);
        String what = method + " " + path + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        assertEquals(400, response.statusCode(), what + " -> " + response.body().length() + " bytes");
        assertTrue(response.body().length() < MAX_BODY, what + " answered " + response.body().length() + " bytes");
        assertEquals(code, JSON.readTree(response.body()).at("/error/code").asText(), what + " -> " + response.body());
    }

    private void adminRefused(String body) throws Exception {
        HttpResponse<String> response = send("PUT", admin("/admin/v1/accounts/T1/limits"), "admin-token", body);
        String what = "PUT limits " + (body.length() > 300 ? body.substring(0, 300) : body);
        assertEquals(400, response.statusCode(), what + " -> " + response.body().length() + " bytes");
        assertTrue(response.body().length() < MAX_BODY, what + " answered " + response.body().length() + " bytes");
    }

    private static String order(String symbol, String price, String qty) {
        return "{\"clOrdId\":\"a\",\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":" + price
                + ",\"qty\":" + qty + "}";
    }

    private String rest(String path) {
        return "http://127.0.0.1:" + engine.restPort() + path;
    }

    private String admin(String path) {
        return "http://127.0.0.1:" + engine.adminPort() + path;
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        return (token == null ? TestHttp.at("").key("t1-key") : TestHttp.at("").bearer(token)).send(method, url, body);
    }
}

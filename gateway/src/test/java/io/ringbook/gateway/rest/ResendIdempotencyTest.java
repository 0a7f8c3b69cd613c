package io.ringbook.gateway.rest;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A used clOrdId over real HTTP: the same body is answered with the order as first answered, any other body 409. */
class ResendIdempotencyTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void aRejectedOrdersClOrdIdComparesWhatTheClientSentSymbolIncluded() throws Exception {
        String first = order("NOPE", "1");
        GatewayFixture.Reply rejected = gateway.post("t1-key", first);
        assertEquals(422, rejected.status(), rejected.body().toString());
        assertEquals("UNKNOWN_SYMBOL", rejected.body().get("rejectReason").asText());

        GatewayFixture.Reply otherSymbol = gateway.post("t1-key", order("NOPE2", "1"));
        assertEquals(409, otherSymbol.status(), otherSymbol.body().toString());
        assertEquals("DUPLICATE_CLORDID", otherSymbol.body().get("error").get("code").asText());
        assertEquals(409, gateway.post("t1-key", order("NOPE", "2")).status(), "another price");

        GatewayFixture.Reply resend = gateway.post("t1-key", first);
        assertEquals(200, resend.status(), resend.body().toString());
        assertEquals(rejected.body(), resend.body(), "the order exactly as first answered");
    }

    @Test
    void unknownSymbolsAreComparedWholeNotAsTheirQuotedStart() throws Exception {
        String prefix = "X".repeat(50);
        assertEquals(422, gateway.post("t1-key", order(prefix + "A", "1")).status());
        GatewayFixture.Reply other = gateway.post("t1-key", order(prefix + "B", "1"));
        assertEquals(409, other.status(), "another symbol, however long the common start: " + other.body());
        GatewayFixture.Reply control = gateway.post("t1-key", order("NO\\u0001", "1").replace("k-1", "k-2"));
        assertEquals(422, control.status(), control.body().toString());
        assertEquals(409, gateway.post("t1-key", order("NO\\u0002", "1").replace("k-1", "k-2")).status(),
                "names that differ only in characters a quote masks are still different");
    }

    @Test
    void anAcceptedOrdersResendIsComparedWithTheOrderAsTheEngineFirstReportedIt() throws Exception {
        String limit = "{\"clOrdId\":\"acc-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"70\",\"qty\":\"2\"}";
        GatewayFixture.Reply placed = gateway.post("t1-key", limit);
        assertEquals(201, placed.status(), placed.body().toString());
        GatewayFixture.Reply respelled = gateway.post("t1-key", limit.replace("\"70\"", "\"70.00\"").replace("\"2\"", "\"2.0\""));
        assertEquals(200, respelled.status(), "the same price and quantity written otherwise: " + respelled.body());
        assertEquals(placed.body().get("orderId"), respelled.body().get("orderId"));
        assertEquals(409, gateway.post("t1-key", limit.replace("BUY", "SELL")).status(), "another side");
        assertEquals(409, gateway.post("t1-key", limit.replace("LIMIT\"", "LIMIT\",\"postOnly\":true")).status(), "post-only now");

        String market = "{\"clOrdId\":\"acc-2\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"MARKET\",\"qty\":\"1\"}";
        GatewayFixture.Reply traded = gateway.post("t2-key", market);
        assertEquals(201, traded.status(), traded.body().toString());
        GatewayFixture.Reply again = gateway.post("t2-key", market);
        assertEquals(200, again.status(), "a MARKET order's resend, done since: " + again.body());
        assertEquals(traded.body().get("orderId"), again.body().get("orderId"));
        assertEquals("FILLED", again.body().get("status").asText());
        assertEquals(409, gateway.post("t2-key", market.replace("\"1\"", "\"2\"")).status(), "another quantity");

        String gtd = "{\"clOrdId\":\"acc-3\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"60\",\"qty\":\"1\","
                + "\"timeInForce\":\"GTD\",\"expireTime\":\"2099-01-01T00:00:00Z\"}";
        assertEquals(201, gateway.post("t1-key", gtd).status());
        assertEquals(200, gateway.post("t1-key", gtd).status());
        assertEquals(409, gateway.post("t1-key", gtd.replace("2099-01-01", "2099-01-02")).status(), "another expiry");
    }

    private static String order(String symbol, String price) {
        return "{\"clOrdId\":\"k-1\",\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + price
                + "\",\"qty\":\"1\"}";
    }
}

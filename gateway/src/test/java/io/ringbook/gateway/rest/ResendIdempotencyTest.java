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

    private static String order(String symbol, String price) {
        return "{\"clOrdId\":\"k-1\",\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + price
                + "\",\"qty\":\"1\"}";
    }
}

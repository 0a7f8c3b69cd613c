package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static io.ringbook.gateway.rest.GatewayFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cancel never does more than it names (API.md): {@code ?clOrdId=X} cancels that one
 * order, a mass cancel names its scope ({@code ?symbol=S} or {@code ?all=true}), and
 * anything else cancels nothing.
 */
class CancelScopeTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldCancelOnlyTheOrderNamedByClOrdId() throws Exception {
        place("z-1", "TEST", "90");
        place("z-2", "TEST", "91");
        place("z-3", "BTC-USD", "30000");
        GatewayFixture.Reply canceled = gateway.send("DELETE", "t1-key", "/api/v1/orders?clOrdId=z-1", null, null);
        assertEquals(200, canceled.status(), canceled.body().toString());
        assertEquals("z-1", canceled.body().get("clOrdId").asText());
        assertEquals("CANCELED", canceled.body().get("status").asText());
        assertEquals("USER", canceled.body().get("cancelReason").asText());
        assertEquals(2, open().size(), "the other two are still open");

        assertError(409, "TOO_LATE_TO_CANCEL", gateway.send("DELETE", "t1-key", "/api/v1/orders?clOrdId=z-1", null, null));
        assertError(404, "UNKNOWN_ORDER", gateway.send("DELETE", "t1-key", "/api/v1/orders?clOrdId=never", null, null));
        assertError(404, "UNKNOWN_ORDER", gateway.send("DELETE", "t2-key", "/api/v1/orders?clOrdId=z-2", null, null));
        assertError(400, "INVALID_CLORDID", gateway.send("DELETE", "t1-key", "/api/v1/orders?clOrdId=", null, null));
        assertEquals(2, open().size());
    }

    @Test
    void shouldMassCancelOnlyAScopeThatIsNamed() throws Exception {
        place("m-1", "TEST", "90");
        place("m-2", "BTC-USD", "30000");
        place("m-3", "ETH-USD", "2000");
        assertError(400, "MISSING_FIELD", gateway.send("DELETE", "t1-key", "/api/v1/orders", null, null));
        assertError(400, "INVALID_FIELD", gateway.send("DELETE", "t1-key", "/api/v1/orders?all=yes", null, null));
        assertError(400, "INVALID_FIELD", gateway.send("DELETE", "t1-key", "/api/v1/orders?all=true&symbol=TEST", null, null));
        assertError(400, "UNKNOWN_FIELD", gateway.send("DELETE", "t1-key", "/api/v1/orders?sym=TEST", null, null));
        assertEquals(3, open().size(), "no refusal canceled anything");

        GatewayFixture.Reply one = gateway.send("DELETE", "t1-key", "/api/v1/orders?symbol=TEST", null, null);
        assertEquals(1, one.body().size(), one.body().toString());
        assertEquals("MASS_CANCEL", one.body().get(0).get("cancelReason").asText());
        GatewayFixture.Reply all = gateway.send("DELETE", "t1-key", "/api/v1/orders?all=true", null, null);
        assertEquals(200, all.status());
        assertEquals(2, all.body().size(), all.body().toString());
        assertTrue(all.body().get(0).get("orderId").asLong() < all.body().get(1).get("orderId").asLong(), "in orderId order");
        assertEquals(0, open().size());
        assertEquals("[]", gateway.send("DELETE", "t1-key", "/api/v1/orders?all=true", null, null).body().toString());
    }

    private void place(String clOrdId, String symbol, String price) throws Exception {
        GatewayFixture.Reply placed = gateway.post("t1-key", "{\"clOrdId\":\"" + clOrdId + "\",\"symbol\":\"" + symbol
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + price + "\",\"qty\":\"1\"}");
        assertEquals(201, placed.status(), placed.body().toString());
    }

    private JsonNode open() throws Exception {
        return gateway.get("t1-key", "/api/v1/orders?status=OPEN").body();
    }
}

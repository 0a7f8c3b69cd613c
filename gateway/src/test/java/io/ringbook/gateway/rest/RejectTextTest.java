package io.ringbook.gateway.rest;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.PerSymbolLimit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.ringbook.gateway.rest.GatewayFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals people can act on: a 422 names the limit or rule it met in {@code rejectText}
 * (rendered at the gateway from the reason and the account's limits), an accepted order
 * has none, and amending an order that is done is 409 {@code TOO_LATE_TO_AMEND}.
 */
class RejectTextTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldNameTheLimitARejectMet() throws Exception {
        AccountLimits none = AccountLimits.none(3);
        AccountLimits fifty = new AccountLimits(PerSymbolLimit.uniform(50, 3), none.maxPosition(), none.maxOrderNotional(),
                none.maxGrossNotional(), none.maxConcentrationBps(), 0, none.maxOpenOrders(), none.maxOpenOrdersPerSymbol(),
                none.maxOrdersPerSecond(), none.dailyLossLimit());
        gateway.publisher().submit(c -> c.setLimits(0, fifty)).get(5, TimeUnit.SECONDS);
        GatewayFixture.Reply tooBig = gateway.post("t1-key",
                "{\"clOrdId\":\"big\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"60\"}");
        assertEquals(422, tooBig.status(), tooBig.body().toString());
        assertEquals("MAX_ORDER_QTY", tooBig.body().get("rejectReason").asText());
        assertEquals("qty 60 lots is over the account's max order qty of 50 lots in TEST", tooBig.body().get("rejectText").asText());
        GatewayFixture.Reply btc = gateway.post("t1-key",
                "{\"clOrdId\":\"btc\",\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"1\",\"qty\":\"0.0051\"}");
        assertEquals("qty 0.0051 (51 lots) is over the account's max order qty of 50 lots in BTC-USD", btc.body().get("rejectText").asText());
        assertEquals(tooBig.body().get("rejectText"), gateway.get("t1-key", "/api/v1/orders?clOrdId=big").body().get("rejectText"),
                "the same when fetched later");

        gateway.limit("t2-key", "SELL", 100, 1);
        GatewayFixture.Reply fok = gateway.post("t1-key",
                "{\"clOrdId\":\"fok\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100\",\"qty\":\"5\",\"timeInForce\":\"FOK\"}");
        assertEquals("FOK_NOT_FILLED", fok.body().get("rejectReason").asText());
        assertTrue(fok.body().get("rejectText").asText().startsWith("a FOK order fills whole at once or not at all"), fok.body().toString());

        GatewayFixture.Reply accepted = gateway.post("t1-key",
                "{\"clOrdId\":\"ok\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"50\",\"qty\":\"1\"}");
        assertEquals(201, accepted.status());
        assertTrue(accepted.body().has("rejectText") && accepted.body().get("rejectText").isNull(), accepted.body().toString());
    }

    @Test
    void shouldAnswerAnAmendOfADoneOrderTooLateToAmend() throws Exception {
        long resting = gateway.limit("t2-key", "SELL", 100, 1);
        gateway.limit("t1-key", "BUY", 100, 1);
        GatewayFixture.Reply amend = gateway.send("PATCH", "t2-key", "/api/v1/orders/" + resting, "application/json", "{\"qty\":\"3\"}");
        assertError(409, "TOO_LATE_TO_AMEND", amend);
        long canceled = gateway.limit("t2-key", "SELL", 105, 1);
        gateway.send("DELETE", "t2-key", "/api/v1/orders/" + canceled, null, null);
        assertError(409, "TOO_LATE_TO_AMEND", gateway.send("PATCH", "t2-key", "/api/v1/orders/" + canceled, "application/json",
                "{\"price\":\"106\"}"));
        assertError(409, "TOO_LATE_TO_CANCEL", gateway.send("DELETE", "t2-key", "/api/v1/orders/" + canceled, null, null));
    }
}

package io.ringbook.gateway.rest;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static io.ringbook.gateway.rest.GatewayFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amend, mass cancel, cancel-all-after and the order, fill and position queries over HTTP. */
class OrderManagementRoutesTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldAmendAndTradeWhenTheNewPriceCrosses() throws Exception {
        gateway.limit("t2-key", "SELL", 102, 3);
        long buy = gateway.limit("t1-key", "BUY", 100, 5);
        GatewayFixture.Reply lowered = gateway.send("PATCH", "t1-key", "/api/v1/orders/" + buy, "application/json", "{\"qty\":\"4\"}");
        assertEquals(200, lowered.status(), lowered.body().toString());
        assertEquals("4", lowered.body().get("qty").asText());
        GatewayFixture.Reply crossed = gateway.send("PATCH", "t1-key", "/api/v1/orders/" + buy, "application/json", "{\"price\":102}");
        assertEquals(200, crossed.status());
        assertEquals("PARTIALLY_FILLED", crossed.body().get("status").asText());
        assertEquals("102", crossed.body().get("fills").get(0).get("price").asText(), "the fills the amend caused");
        assertError(400, "INVALID_QTY", gateway.send("PATCH", "t1-key", "/api/v1/orders/" + buy, "application/json", "{\"qty\":\"3\"}"));
        assertError(400, "MISSING_FIELD", gateway.send("PATCH", "t1-key", "/api/v1/orders/" + buy, "application/json", "{}"));
        assertError(404, "UNKNOWN_ORDER", gateway.send("PATCH", "t2-key", "/api/v1/orders/" + buy, "application/json", "{\"qty\":\"9\"}"));
        gateway.send("DELETE", "t1-key", "/api/v1/orders/" + buy, null, null);
        assertError(409, "TOO_LATE_TO_CANCEL", gateway.send("PATCH", "t1-key", "/api/v1/orders/" + buy, "application/json", "{\"qty\":\"9\"}"));
    }

    @Test
    void shouldAnswerAResendAfterAnAmendWithTheOrderAsItIsNow() throws Exception {
        String body = "{\"clOrdId\":\"amended\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"60\",\"qty\":\"5\"}";
        long orderId = gateway.post("t1-key", body).body().get("orderId").asLong();
        assertEquals(200, gateway.send("PATCH", "t1-key", "/api/v1/orders/" + orderId, "application/json", "{\"qty\":\"3\",\"price\":\"61\"}").status());
        GatewayFixture.Reply resend = gateway.post("t1-key", body);
        assertEquals(200, resend.status(), "the original request resent: " + resend.body());
        assertEquals(orderId, resend.body().get("orderId").asLong());
        assertEquals("3", resend.body().get("qty").asText(), "the order's current state");
        assertEquals("61", resend.body().get("price").asText());
        assertError(409, "DUPLICATE_CLORDID", gateway.post("t1-key", body.replace("\"60\"", "\"61\"").replace("\"5\"", "\"3\"")));
    }

    @Test
    void shouldCancelAllOwnOpenOrdersOfASymbolInOrderIdOrder() throws Exception {
        long first = gateway.limit("t1-key", "BUY", 90, 1);
        long second = gateway.limit("t1-key", "BUY", 91, 1);
        gateway.limit("t2-key", "BUY", 92, 1);
        GatewayFixture.Reply canceled = gateway.send("DELETE", "t1-key", "/api/v1/orders?symbol=TEST", null, null);
        assertEquals(200, canceled.status());
        assertEquals(2, canceled.body().size());
        assertEquals(first, canceled.body().get(0).get("orderId").asLong());
        assertEquals(second, canceled.body().get(1).get("orderId").asLong());
        assertEquals("MASS_CANCEL", canceled.body().get(0).get("cancelReason").asText());
        assertEquals("[]", gateway.send("DELETE", "t1-key", "/api/v1/orders", null, null).body().toString());
        assertEquals("[[\"92\",\"1\"]]", gateway.get(null, "/api/v1/book/TEST").body().get("bids").toString());
    }

    @Test
    void shouldAnswerAResendWithTheOriginalOrderAndRefuseAnotherBodyUnderTheSameClOrdId() throws Exception {
        String body = "{\"clOrdId\":\"once\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"70\",\"qty\":\"2\"}";
        GatewayFixture.Reply first = gateway.post("t1-key", body);
        assertEquals(201, first.status());
        GatewayFixture.Reply resend = gateway.post("t1-key", body);
        assertEquals(200, resend.status(), resend.body().toString());
        assertEquals(first.body().get("orderId").asLong(), resend.body().get("orderId").asLong(), "never a second order");
        assertError(409, "DUPLICATE_CLORDID", gateway.post("t1-key", body.replace("\"70\"", "\"71\"")));
        assertEquals(201, gateway.post("t2-key", body).status(), "another account may use the same clOrdId");
        assertEquals("[[\"70\",\"4\"]]", gateway.get(null, "/api/v1/book/TEST").body().get("bids").toString());
        GatewayFixture.Reply rejected = gateway.post("t1-key", body.replace("once", "bad").replace("TEST", "NOPE"));
        assertEquals(422, rejected.status());
        assertError(409, "DUPLICATE_CLORDID", gateway.post("t1-key", body.replace("once", "bad")));
    }

    @Test
    void shouldArmAndDisarmCancelAllAfter() throws Exception {
        GatewayFixture.Reply armed = gateway.send("POST", "t1-key", "/api/v1/cancel-all-after", "application/json", "{\"timeoutMs\":60000}");
        assertEquals(200, armed.status(), armed.body().toString());
        assertTrue(armed.body().get("deadline").asText().endsWith("Z"));
        GatewayFixture.Reply disarmed = gateway.send("POST", "t1-key", "/api/v1/cancel-all-after", "application/json", "{\"timeoutMs\":0}");
        assertTrue(disarmed.body().get("deadline").isNull());
        assertError(400, "INVALID_FIELD", gateway.send("POST", "t1-key", "/api/v1/cancel-all-after", "application/json", "{\"timeoutMs\":-1}"));
        assertError(400, "INVALID_FIELD", gateway.send("POST", "t1-key", "/api/v1/cancel-all-after", "application/json", "{\"timeoutMs\":1.5}"));
    }

    @Test
    void shouldFindOrdersByClOrdIdAndListThemNewestFirstByStatusAndSymbol() throws Exception {
        gateway.post("t1-key", "{\"clOrdId\":\"mine-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"50\",\"qty\":\"1\"}");
        long second = gateway.limit("t1-key", "BUY", 51, 1);
        long third = gateway.limit("t1-key", "BUY", 52, 1);
        gateway.send("DELETE", "t1-key", "/api/v1/orders/" + third, null, null);
        assertEquals("50", gateway.get("t1-key", "/api/v1/orders?clOrdId=mine-1").body().get("price").asText());
        assertError(404, "UNKNOWN_ORDER", gateway.get("t2-key", "/api/v1/orders?clOrdId=mine-1"));
        GatewayFixture.Reply open = gateway.get("t1-key", "/api/v1/orders?status=OPEN&symbol=TEST&limit=1");
        assertEquals(1, open.body().size());
        assertEquals(second, open.body().get(0).get("orderId").asLong(), "newest open first");
        assertEquals(third, gateway.get("t1-key", "/api/v1/orders?status=CANCELED").body().get(0).get("orderId").asLong());
        assertEquals(3, gateway.get("t1-key", "/api/v1/orders").body().size());
        assertError(400, "INVALID_FIELD", gateway.get("t1-key", "/api/v1/orders?limit=1001"));
        assertError(400, "INVALID_FIELD", gateway.get("t1-key", "/api/v1/orders?status=SLEEPING"));
    }

    @Test
    void shouldPublishTradesAndATickerWithoutAccounts() throws Exception {
        gateway.limit("t2-key", "SELL", 100, 3);
        gateway.limit("t1-key", "BUY", 100, 2);
        gateway.limit("t1-key", "BUY", 101, 1);
        gateway.limit("t1-key", "BUY", 95, 4);
        GatewayFixture.Reply trades = gateway.get(null, "/api/v1/trades/TEST?limit=5");
        assertEquals(2, trades.body().size());
        assertEquals(2, trades.body().get(0).get("tradeId").asLong(), "newest first");
        assertEquals("BUY", trades.body().get(0).get("takerSide").asText());
        assertTrue(trades.body().get(0).get("account") == null, "public trades name no account");
        GatewayFixture.Reply ticker = gateway.get(null, "/api/v1/ticker/TEST");
        assertEquals("95", ticker.body().get("bidPrice").asText());
        assertEquals("4", ticker.body().get("bidQty").asText());
        assertTrue(ticker.body().get("askPrice").isNull());
        assertEquals("100", ticker.body().get("lastPrice").asText());
        assertEquals("1", ticker.body().get("lastQty").asText());
        assertEquals("3", ticker.body().get("volume24h").asText());
        assertError(404, "UNKNOWN_SYMBOL", gateway.get(null, "/api/v1/ticker/NOPE"));
    }

    @Test
    void shouldShowFillsAndPositionsOfTheCallersAccountOnly() throws Exception {
        gateway.limit("t2-key", "SELL", 100, 3);
        gateway.limit("t1-key", "BUY", 100, 2);
        gateway.limit("t2-key", "BUY", 90, 1);
        GatewayFixture.Reply fills = gateway.get("t1-key", "/api/v1/fills?symbol=TEST");
        assertEquals(1, fills.body().size());
        assertEquals("TAKER", fills.body().get(0).get("liquidity").asText());
        assertEquals("2", fills.body().get(0).get("qty").asText());
        GatewayFixture.Reply positions = gateway.get("t2-key", "/api/v1/positions");
        assertEquals(1, positions.body().size());
        assertEquals("-2", positions.body().get(0).get("qty").asText());
        assertEquals("100.00000000", positions.body().get(0).get("avgPrice").asText());
        assertEquals("100", positions.body().get(0).get("markPrice").asText());
        assertEquals(0, new java.math.BigDecimal(positions.body().get(0).get("unrealizedPnl").asText()).signum());
        assertError(401, "UNAUTHORIZED", gateway.get(null, "/api/v1/positions"));
    }
}

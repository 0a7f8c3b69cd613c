package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/account} and {@code ?status=} read the account's orders by status,
 * not every order of two days: a day of done orders does not slow them, and orders move
 * between statuses as they trade and leave.
 */
class OpenOrdersIndexTest {

    private static final int DONE = 60_000;

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldListOrdersByStatusAsTheyTradeAndLeave() throws Exception {
        long resting = gateway.limit("t1-key", "BUY", 100, 5);
        long other = gateway.limit("t1-key", "BUY", 90, 1);
        assertEquals("[" + other + "," + resting + "]", ids("/api/v1/orders?status=OPEN"), "newest first");
        gateway.limit("t2-key", "SELL", 100, 2);
        assertEquals("[" + resting + "]", ids("/api/v1/orders?status=PARTIALLY_FILLED"));
        assertEquals("[" + other + "]", ids("/api/v1/orders?status=NEW"));
        assertEquals("[" + other + "," + resting + "]", ids("/api/v1/orders?status=OPEN"));
        gateway.limit("t2-key", "SELL", 100, 3);
        gateway.send("DELETE", "t1-key", "/api/v1/orders/" + other, null, null);
        assertEquals("[]", ids("/api/v1/orders?status=OPEN"));
        assertEquals("[" + resting + "]", ids("/api/v1/orders?status=FILLED"));
        assertEquals("[" + other + "]", ids("/api/v1/orders?status=CANCELED"));
        assertEquals(0, gateway.get("t1-key", "/api/v1/account").body().get("usage").get("openOrders").asInt());
    }

    @Test
    void shouldAnswerAccountAndOpenOrdersWithoutReadingADayOfDoneOrders() throws Exception {
        CommandPublisher engine = gateway.publisher();
        for (int i = 0; i < DONE; i++) {
            // an IOC against an empty side: canceled at once, kept for two days
            while (!engine.tryPublish(c -> c.newOrder(0, 2, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 100, 1))) {
                Thread.onSpinWait();
            }
        }
        long open = gateway.limit("t1-key", "BUY", 50, 1);
        assertEquals(DONE + 1, gateway.get("t1-key", "/api/v1/orders?limit=1").body().get(0).get("orderId").asLong(),
                "every done order was reported first");
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertEquals(1, gateway.get("t1-key", "/api/v1/account").body().get("usage").get("openOrders").asInt());
            assertEquals("[" + open + "]", ids("/api/v1/orders?status=OPEN"));
        }
        long took = System.nanoTime() - start;
        assertTrue(took < TimeUnit.SECONDS.toNanos(2), "200 queries took " + took / 1_000_000 + " ms");
    }

    private String ids(String path) throws Exception {
        StringBuilder ids = new StringBuilder("[");
        gateway.get("t1-key", path).body().forEach(order -> ids.append(ids.length() > 1 ? "," : "").append(order.get("orderId").asLong()));
        return ids.append(']').toString();
    }
}

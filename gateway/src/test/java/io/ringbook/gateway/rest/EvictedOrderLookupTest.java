package io.ringbook.gateway.rest;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.views.orders.OrderViews;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ringbook.gateway.rest.GatewayFixture.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A done order no longer kept in memory is still found over HTTP by its clOrdId (API.md:
 * "the order with that clOrdId", which a client must query after a 504), and an orderId
 * not yet created is answered 404 without reading the history.
 */
class EvictedOrderLookupTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldFindAnEvictedOrderByClOrdIdAndAnswerAnUncreatedOrderIdWithoutHistory() throws Exception {
        String body = "{\"clOrdId\":\"old-one\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"40\",\"qty\":\"2\"}";
        long orderId = gateway.post("t1-key", body).body().get("orderId").asLong();
        assertEquals(200, gateway.send("DELETE", "t1-key", "/api/v1/orders/" + orderId, null, null).status());
        OrderViews orders = gateway.gateway().readModels().orders();
        OrderViews.View recorded = orders.findKept(orderId).orElseThrow();
        AtomicInteger historyReads = new AtomicInteger();
        gateway.gateway().history(listener -> {
            historyReads.incrementAndGet();
            listener.onEvent(recorded.original());
            listener.onEvent(recorded.state());
        });

        pushOutOfMemory(orders, orderId, OrderViews.KEPT_DONE + 1);

        GatewayFixture.Reply found = gateway.get("t1-key", "/api/v1/orders?clOrdId=old-one");
        assertEquals(200, found.status(), found.body().toString());
        assertEquals(orderId, found.body().get("orderId").asLong());
        assertEquals("CANCELED", found.body().get("status").asText());
        assertError(404, "UNKNOWN_ORDER", gateway.get("t2-key", "/api/v1/orders?clOrdId=old-one"));

        int readsBefore = historyReads.get();
        assertError(404, "UNKNOWN_ORDER", gateway.get("t1-key", "/api/v1/orders/999999999"));
        assertEquals(readsBefore, historyReads.get(), "an orderId above every one created reads no history");
        assertEquals(200, gateway.get("t1-key", "/api/v1/orders/" + orderId).status(), "the evicted order by orderId");
    }

    /** Places {@code count} IOCs against an empty side, each done at once, until {@code orderId} has left memory. */
    private void pushOutOfMemory(OrderViews orders, long orderId, int count) {
        CommandPublisher engine = gateway.publisher();
        for (int i = 0; i < count; i++) {
            while (!engine.tryPublish(c -> c.newOrder(1, 2, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 100, 1))) {
                Thread.onSpinWait();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (orders.findKept(orderId).isPresent() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(orders.findKept(orderId).isPresent(), "evicted from memory");
    }

    /**
     * The read models hand the record of an order pushed out of memory to the next new
     * order: here the partly filled and canceled order "early" is the last pushed out
     * (the second done order, by the {@code KEPT_DONE}-th done after it), so "late" is
     * served by its record, and must show only its own state, over HTTP.
     */
    @Test
    void shouldAnswerANewOrderWithItsOwnStateWhereTheRecordOfAnEvictedOneServesIt() throws Exception {
        long early = gateway.post("t1-key", "{\"clOrdId\":\"early\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\","
                + "\"price\":\"40\",\"qty\":\"5\"}").body().get("orderId").asLong();
        GatewayFixture.Reply sold = gateway.post("t2-key", "{\"clOrdId\":\"taker\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\","
                + "\"price\":\"40\",\"qty\":\"2\"}");
        assertEquals("FILLED", sold.body().get("status").asText(), sold.body().toString());
        assertEquals(200, gateway.send("DELETE", "t1-key", "/api/v1/orders/" + early, null, null).status());
        OrderViews orders = gateway.gateway().readModels().orders();
        OrderViews.View recorded = orders.findKept(early).orElseThrow();
        assertEquals(1, recorded.fills().size());
        gateway.gateway().history(listener -> {
            listener.onEvent(recorded.original());
            recorded.fills().forEach(listener::onEvent);
            listener.onEvent(recorded.state());
        });

        pushOutOfMemory(orders, early, OrderViews.KEPT_DONE);

        GatewayFixture.Reply placed = gateway.post("t1-key", "{\"clOrdId\":\"late\",\"symbol\":\"TEST\",\"side\":\"BUY\","
                + "\"type\":\"LIMIT\",\"price\":\"45\",\"qty\":\"3\"}");
        assertEquals(201, placed.status(), placed.body().toString());
        long late = placed.body().get("orderId").asLong();
        for (GatewayFixture.Reply found : new GatewayFixture.Reply[] {gateway.get("t1-key", "/api/v1/orders/" + late),
                gateway.get("t1-key", "/api/v1/orders?clOrdId=late")}) {
            assertEquals(200, found.status(), found.body().toString());
            assertEquals(late, found.body().get("orderId").asLong());
            assertEquals("late", found.body().get("clOrdId").asText());
            assertEquals("45", found.body().get("price").asText());
            assertEquals("3", found.body().get("qty").asText());
            assertEquals("NEW", found.body().get("status").asText());
            assertEquals("0", found.body().get("filledQty").asText(), "no fill of the evicted order");
            assertEquals(0, found.body().get("fills").size());
            assertTrue(found.body().get("cancelReason").isNull(), found.body().toString());
        }
        GatewayFixture.Reply open = gateway.get("t1-key", "/api/v1/orders?status=OPEN");
        assertEquals(1, open.body().size(), open.body().toString());
        assertEquals(late, open.body().get(0).get("orderId").asLong());
        assertError(404, "UNKNOWN_ORDER", gateway.get("t2-key", "/api/v1/orders/" + late));

        GatewayFixture.Reply old = gateway.get("t1-key", "/api/v1/orders?clOrdId=early");
        assertEquals(200, old.status(), old.body().toString());
        assertEquals(early, old.body().get("orderId").asLong());
        assertEquals("CANCELED", old.body().get("status").asText());
        assertEquals("2", old.body().get("filledQty").asText(), "the evicted order as it was, from the history");
        assertEquals(1, old.body().get("fills").size());
        assertEquals("40", old.body().get("price").asText());
    }
}

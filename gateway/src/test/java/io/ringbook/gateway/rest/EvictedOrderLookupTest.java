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

        CommandPublisher engine = gateway.publisher();
        for (int i = 0; i <= OrderViews.KEPT_DONE; i++) {
            // an IOC against an empty side: done at once, pushing the oldest done orders out of memory
            while (!engine.tryPublish(c -> c.newOrder(1, 2, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 100, 1))) {
                Thread.onSpinWait();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (orders.findKept(orderId).isPresent() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(orders.findKept(orderId).isPresent(), "evicted from memory");

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
}

package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read model keeps every open order, and only the newest done orders and fills: memory tracks open orders, not the flow. */
class OrderViewsRetentionTest {

    private final OrderViews views = new OrderViews(2, 1);
    private final List<EngineEvent> journal = new ArrayList<>();

    @Test
    void shouldForgetTheOldestDoneOrdersAndFillsButKeepEveryOpenOrder() {
        send(order(1, "done-first", EventType.ORDER_FILLED, OrderStatus.FILLED));
        send(order(2, "open-early", EventType.ORDER_ACCEPTED, OrderStatus.NEW));
        send(order(3, "done-second", EventType.ORDER_CANCELED, OrderStatus.CANCELED));
        assertTrue(views.findKept(1).isPresent(), "two done orders are kept");

        send(order(4, "done-third", EventType.ORDER_FILLED, OrderStatus.FILLED));
        send(order(5, "open-late", EventType.ORDER_ACCEPTED, OrderStatus.NEW));
        assertFalse(views.findKept(1).isPresent(), "the oldest done order leaves memory");
        assertFalse(views.findByClOrdId(0, "done-first").isPresent());
        assertEquals(List.of(4L), views.fills(0, fill -> true, 10).stream().map(f -> f.orderId).toList(), "only the newest fills");
        assertTrue(views.findKept(2).isPresent(), "an open order stays, however many orders are done after it");
        assertTrue(views.findByClOrdId(0, "done-second").isPresent());
        assertEquals(List.of(5L, 4L, 3L, 2L), ids(views.list(0, Set.of(), state -> true, 10)));
        assertEquals(List.of(4L), ids(views.list(0, Set.of(OrderStatus.FILLED), state -> true, 10)), "forgotten by status too");
        assertEquals(List.of(5L, 2L), ids(views.list(0, OrderViews.OPEN, state -> true, 10)));
        assertEquals(List.of(), ids(views.list(1, Set.of(), state -> true, 10)), "another account's orders are its own");
    }

    @Test
    void shouldReadAnOrderNoLongerKeptFromTheHistory() {
        send(order(1, "done-first", EventType.ORDER_FILLED, OrderStatus.FILLED));
        for (long id = 2; id <= 4; id++) {
            send(order(id, "c-" + id, EventType.ORDER_CANCELED, OrderStatus.CANCELED));
        }
        assertFalse(views.find(1).isPresent(), "without a history, gone");

        views.history(listener -> journal.forEach(listener::onEvent));
        OrderViews.View view = views.find(1).orElseThrow();
        assertEquals(OrderStatus.FILLED, view.state().status);
        assertEquals(1, view.fills().size(), "with its fills");
        assertFalse(views.find(99).isPresent(), "an order never placed is not found");
    }

    @Test
    void shouldKeepWhatTheOrderWasPlacedAsAcrossAnAmendAndFollowANewClOrdId() {
        EngineEvent placed = order(7, "first-id", EventType.ORDER_ACCEPTED, OrderStatus.NEW);
        placed.price = 100;
        placed.qty = 10;
        send(placed);
        EngineEvent amended = order(7, "second-id", EventType.ORDER_REPLACED, OrderStatus.NEW);
        amended.price = 101;
        amended.qty = 8;
        send(amended);

        OrderViews.View view = views.findByClOrdId(0, "second-id").orElseThrow();
        assertEquals(101, view.state().price);
        assertEquals(100, view.original().price);
        assertEquals(10, view.original().qty);
        assertFalse(views.findByClOrdId(0, "first-id").isPresent(), "found by its current clOrdId");
        assertFalse(views.findByClOrdId(0, "").isPresent(), "an invalid clOrdId names no order");
    }

    private void send(EngineEvent event) {
        journal.add(event);
        views.onEvent(event);
    }

    private static List<Long> ids(List<OrderViews.View> list) {
        return list.stream().map(v -> v.state().orderId).toList();
    }

    private static EngineEvent order(long orderId, String clOrdId, EventType type, OrderStatus status) {
        return OrderEvents.order(orderId, clOrdId, type, status, orderId * 10, orderId, orderId);
    }
}

package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read model keeps open orders always, done orders and fills for the current and the previous UTC day. */
class OrderViewsRetentionTest {

    private static final long DAY = 86_400_000_000_000L;
    private static final long MONDAY = 20_000 * DAY;

    private final OrderViews views = new OrderViews();

    @Test
    void shouldForgetDoneOrdersAndFillsOlderThanYesterdayAtTheDayRoll() {
        views.onEvent(order(1, "done-monday", EventType.ORDER_FILLED, OrderStatus.FILLED, MONDAY + 10));
        views.onEvent(order(2, "open-monday", EventType.ORDER_ACCEPTED, OrderStatus.NEW, MONDAY + 20));
        views.onEvent(order(3, "done-tuesday", EventType.ORDER_CANCELED, OrderStatus.CANCELED, MONDAY + DAY + 5));
        assertTrue(views.find(1).isPresent(), "Monday's done order is still yesterday's on Tuesday");

        views.onEvent(order(4, "wednesday", EventType.ORDER_ACCEPTED, OrderStatus.NEW, MONDAY + 2 * DAY + 1));
        assertFalse(views.find(1).isPresent(), "gone on Wednesday");
        assertFalse(views.findByClOrdId(0, "done-monday").isPresent());
        assertEquals(List.of(), views.fills(0, fill -> true, 10).stream().filter(f -> f.orderId == 1).toList(), "its fill too");
        assertTrue(views.find(2).isPresent(), "an open order stays, however old");
        assertTrue(views.findByClOrdId(0, "done-tuesday").isPresent(), "yesterday's done order stays");
        assertEquals(List.of(4L, 3L, 2L), views.list(0, Set.of(), state -> true, 10).stream().map(v -> v.state().orderId).toList());
        assertEquals(List.of(), views.list(0, Set.of(OrderStatus.FILLED), state -> true, 10), "forgotten by status too");
        assertEquals(List.of(3L), views.list(0, Set.of(OrderStatus.CANCELED), state -> true, 10).stream().map(v -> v.state().orderId).toList());
    }

    private static EngineEvent order(long orderId, String clOrdId, EventType type, OrderStatus status, long time) {
        EngineEvent event = new EngineEvent();
        event.type = type;
        event.orderId = orderId;
        event.execId = orderId * 10;
        event.accountId = 0;
        event.status = status;
        event.eventTimeNanos = time;
        event.clOrdId.set(clOrdId);
        return event;
    }
}

package io.ringbook.views.orders;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once {@code keptDone} orders are done, a steady flow of orders makes no new records:
 * the record of an order pushed out of memory serves the next new order, and that order
 * shows only its own state, never the fills, prices or clOrdId of the record's earlier order.
 */
class OrderViewsRecycleTest {

    private static final int KEPT_DONE = 1_000;
    private static final int ORDERS = 200_000;
    /** What a placed-and-filled order may still allocate: its clOrdId in the two days' index, its share of journal positions. */
    private static final long BUDGET_BYTES = 64;

    @Test
    void shouldMakeNoRecordPerOrderOnceTheKeptDoneOrdersAreFull() {
        OrderViews views = new OrderViews(KEPT_DONE, KEPT_DONE);
        String[] clOrdIds = new String[ORDERS + 1];
        for (int i = 1; i <= ORDERS; i++) {
            clOrdIds[i] = "c" + Integer.toString(i, 36);
        }
        EngineEvent accepted = event(EventType.ORDER_ACCEPTED, OrderStatus.NEW);
        EngineEvent filled = event(EventType.ORDER_FILLED, OrderStatus.FILLED);
        for (int i = 1; i <= 2 * KEPT_DONE; i++) {
            placeAndFill(views, accepted, filled, i, clOrdIds[i]); // the kept done orders fill up: records are made
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 2 * KEPT_DONE + 1; i <= ORDERS; i++) {
            placeAndFill(views, accepted, filled, i, clOrdIds[i]);
        }
        long perOrder = (threads.getCurrentThreadAllocatedBytes() - before) / (ORDERS - 2 * KEPT_DONE);

        assertTrue(perOrder <= BUDGET_BYTES, perOrder + " bytes per placed and filled order, budget " + BUDGET_BYTES
                + " (a new record and its fill words would be about 250)");
        assertEquals(KEPT_DONE, views.list(3, Set.of(), e -> true, Integer.MAX_VALUE).size() * 8, "the newest done orders, all accounts");
    }

    @Test
    void shouldShowOnlyItsOwnStateOnARecordThatServedAnEarlierOrder() {
        OrderViews views = new OrderViews(1, 1);
        EngineEvent placed = event(EventType.ORDER_ACCEPTED, OrderStatus.NEW);
        placed.orderId = 1;
        placed.clOrdId.set("first-order");
        placed.price = 100;
        placed.qty = 5;
        views.onEvent(placed);
        EngineEvent amended = placed.copy();
        amended.type = EventType.ORDER_REPLACED;
        amended.price = 90;
        views.onEvent(amended);
        views.onEvent(fill(amended, OrderStatus.FILLED, 7, 5));
        EngineEvent other = event(EventType.ORDER_CANCELED, OrderStatus.CANCELED);
        other.orderId = 2;
        other.clOrdId.set("pushes-it-out");
        views.onEvent(other); // order 1 leaves memory: its record is spare
        assertFalse(views.findKept(1).isPresent());

        EngineEvent next = event(EventType.ORDER_ACCEPTED, OrderStatus.NEW);
        next.orderId = 3;
        next.accountId = 5;
        next.clOrdId.set("n");
        next.price = 120;
        next.qty = 2;
        views.onEvent(next);

        OrderViews.View view = views.findKept(3).orElseThrow();
        assertEquals("n", view.state().clOrdId.toString());
        assertEquals(5, view.state().accountId);
        assertEquals(120, view.state().price);
        assertEquals(0, view.state().filledQty, "no fill of the record's earlier order");
        assertEquals(0, view.state().filledNotional);
        assertEquals(List.of(), view.fills());
        assertEquals(120, view.original().price, "placed at its own price, not the earlier order's first one");
        assertEquals(2, view.original().qty);
        assertEquals(0, view.state().tradeId);
        assertEquals(List.of(3L), views.list(5, OrderViews.OPEN, e -> true, 10).stream().map(v -> v.state().orderId).toList());
        assertEquals(3L, views.orderIdOf(5, "n"));
        assertEquals(1L, views.orderIdOf(0, "first-order"), "the earlier order's clOrdId still leads to it, through the day's index");
        assertFalse(views.findByClOrdId(5, "first-order").isPresent());

        views.onEvent(fill(next, OrderStatus.PARTIALLY_FILLED, 9, 1));
        OrderViews.View refilled = views.findKept(3).orElseThrow();
        assertEquals(List.of(9L), refilled.fills().stream().map(f -> f.tradeId).toList(), "only its own fill");
        assertEquals(120, refilled.original().price);
        assertEquals(1, refilled.state().filledQty);
    }

    /** The order filled, at its price, {@code qty} in all in trade {@code tradeId}. */
    private static EngineEvent fill(EngineEvent order, OrderStatus status, long tradeId, long qty) {
        EngineEvent filled = order.copy();
        filled.type = EventType.ORDER_FILLED;
        filled.status = status;
        filled.tradeId = tradeId;
        filled.lastPrice = order.price;
        filled.lastQty = qty;
        filled.filledQty = qty;
        filled.filledNotional = qty * order.price;
        filled.liquidity = Liquidity.MAKER;
        return filled;
    }

    private static EngineEvent event(EventType type, OrderStatus status) {
        EngineEvent event = OrderEvents.order(1, "c", type, status, 1, 1, 1_000);
        event.orderType = OrderType.LIMIT;
        event.timeInForce = TimeInForce.GTC;
        event.qty = 1;
        event.price = 100;
        return event;
    }

    private static void placeAndFill(OrderViews views, EngineEvent accepted, EngineEvent filled, int i, String clOrdId) {
        accepted.orderId = i;
        accepted.execId = 2L * i;
        accepted.accountId = i % 8;
        accepted.clOrdId.set(clOrdId);
        views.onEvent(accepted);
        filled.orderId = i;
        filled.execId = 2L * i + 1;
        filled.tradeId = i;
        filled.accountId = i % 8;
        filled.filledQty = 1;
        filled.filledNotional = 100;
        filled.clOrdId.set(clOrdId);
        views.onEvent(filled);
    }
}

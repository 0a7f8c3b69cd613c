package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a resting order costs the read models: every byte the model allocates for it (its
 * record, its share of the two tables' growth, its clOrdId in the two days' index, its
 * journal position) counted on the one thread that applies the events. A resting order
 * is kept until it is done, so this is what each holds while it rests; the budget of
 * docs/TUNING.md's memory section.
 */
class OrderViewsFootprintTest {

    private static final int ORDERS = 300_000;
    private static final long BUDGET_BYTES = 240;

    @Test
    void shouldKeepARestingOrderWithinItsBudget() {
        OrderViews views = new OrderViews();
        EngineEvent accepted = OrderEvents.order(1, "c1", EventType.ORDER_ACCEPTED, OrderStatus.NEW, 1, 0, 1_000);
        accepted.orderType = OrderType.LIMIT;
        accepted.timeInForce = TimeInForce.GTC;
        accepted.qty = 5;
        String[] clOrdIds = new String[ORDERS + 1];
        for (int i = 1; i <= ORDERS; i++) {
            clOrdIds[i] = "c" + Integer.toString(i, 36);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 1; i <= ORDERS; i++) {
            accepted.orderId = i;
            accepted.execId = i;
            accepted.accountId = i % 8;
            accepted.price = 1_000 + i % 2_000;
            accepted.clOrdId.set(clOrdIds[i]);
            views.onEvent(accepted);
        }
        long perOrder = (threads.getCurrentThreadAllocatedBytes() - before) / ORDERS;

        assertEquals(ORDERS, views.list(3, OrderViews.OPEN, event -> true, Integer.MAX_VALUE).size() * 8L);
        assertTrue(perOrder <= BUDGET_BYTES, perOrder + " bytes per resting order, budget " + BUDGET_BYTES);
    }
}

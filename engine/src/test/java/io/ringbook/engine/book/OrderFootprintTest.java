package io.ringbook.engine.book;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a resting order costs the business logic beyond its pool: every byte allocated on
 * the logic's thread while orders rest past the pool's size (the {@link Order} and its
 * clOrdId, its share of the indexes' growth: by orderId, by live clOrdId), with the day's
 * clOrdId index built for the day up front as the app builds it. A resting order keeps
 * all of it until it is done; the engine's part of docs/TUNING.md's memory budget.
 */
class OrderFootprintTest {

    private static final int ORDERS = 200_000;
    private static final long BUDGET_BYTES = 300;

    @Test
    void shouldKeepARestingOrderWithinItsBudget() {
        BusinessLogic logic = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, new Discard(), 1024,
                ORDERS + 1024);
        String[] clOrdIds = new String[ORDERS];
        for (int i = 0; i < ORDERS; i++) {
            clOrdIds[i] = "c" + Integer.toString(i, 36);
        }
        Command command = new Command();
        long time = 1_700_000_000_000_000_000L;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ORDERS; i++) {
            boolean buy = (i & 1) == 0;
            long level = 1 + (i >> 1) % 2_000;
            command.newOrder(i % DemoMarket.ACCOUNTS, DemoMarket.TEST, buy ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                    buy ? 100_000 - level : 100_000 + level, 1).clOrdId.set(clOrdIds[i]);
            command.sequence = i + 1;
            command.eventTimeNanos = time;
            logic.process(command);
        }
        long perOrder = (threads.getCurrentThreadAllocatedBytes() - before) / ORDERS;

        assertEquals(ORDERS, logic.orders().openOrders());
        assertTrue(perOrder <= BUDGET_BYTES, perOrder + " bytes per resting order, budget " + BUDGET_BYTES);
    }

    /** Events go nowhere: only the logic's own allocation is counted. */
    private static final class Discard implements EventSink {
        @Override
        public void onEvent(EngineEvent event) {
        }

        @Override
        public void onCommandEnd(long sequence) {
        }
    }
}

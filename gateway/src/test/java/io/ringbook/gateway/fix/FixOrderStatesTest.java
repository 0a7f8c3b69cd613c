package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FIX gateway's compact order states: every field a status report needs comes back; open orders and the newest done ones are kept. */
class FixOrderStatesTest {

    private static final long DAY = 86_400_000_000_000L;

    @Test
    void anOrdersLatestStateComesBackWholeByOrderIdOfItsOwnAccountOnly() {
        FixOrderStates states = new FixOrderStates();
        EngineEvent accepted = event(EventType.ORDER_ACCEPTED, 7, 3, "abc-1", OrderStatus.NEW, 10 * DAY);
        assertFalse(states.record(accepted), "a new order");
        EngineEvent replaced = event(EventType.ORDER_REPLACED, 7, 3, "abc-2-a-clordid-of-thirty-six-chars", OrderStatus.PARTIALLY_FILLED, 10 * DAY + 5);
        replaced.requestClOrdId.set("req-9");
        replaced.filledQty = 2;
        replaced.filledNotional = 1234;
        replaced.cancelReason = CancelReason.NONE;
        assertEquals("abc-1", states.clOrdIdOf(7));
        assertTrue(states.record(replaced), "a known order");

        EngineEvent found = states.find(3, 7);
        assertEquals(7, found.orderId);
        assertEquals(EventType.ORDER_REPLACED, found.type);
        assertEquals(OrderStatus.PARTIALLY_FILLED, found.status);
        assertEquals(Side.SELL, found.side);
        assertEquals(OrderType.LIMIT, found.orderType);
        assertEquals(TimeInForce.GTD, found.timeInForce);
        assertEquals(3, found.accountId);
        assertEquals(2, found.symbolId);
        assertEquals(5, found.qty);
        assertEquals(101, found.price);
        assertEquals(2, found.filledQty);
        assertEquals(1234, found.filledNotional);
        assertEquals(10 * DAY + 5, found.eventTimeNanos);
        assertEquals(RejectReason.NONE, found.rejectReason);
        assertEquals("abc-2-a-clordid-of-thirty-six-chars", found.clOrdId.toString());
        assertEquals("req-9", found.requestClOrdId.toString());
        assertNull(states.find(4, 7), "another account's order");
        assertNull(states.find(3, 8), "an order never recorded");
    }

    @Test
    void keepsEveryOpenOrderAndOnlyTheNewestDoneOnesReusingTheRowsOfTheOthers() {
        FixOrderStates states = new FixOrderStates(100);
        Random random = new Random(20);
        List<Long> done = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        for (long id = 1; id <= 20_000; id++) {
            states.record(event(EventType.ORDER_ACCEPTED, id, 1, "c-" + id, OrderStatus.NEW, DAY + id));
            if (random.nextInt(10) == 0) {
                open.add(id);
                continue;
            }
            long which = id;
            if (random.nextBoolean() && !open.isEmpty()) {
                which = open.remove(random.nextInt(open.size())); // an older open order is done instead
                open.add(id);
            }
            states.record(event(EventType.ORDER_CANCELED, which, 1, "c-" + which, OrderStatus.CANCELED, DAY + id));
            done.add(which);
        }
        assertEquals(open.size() + 100, states.size(), "the open orders and the newest 100 done ones");
        for (long id : open) {
            assertEquals(id, states.find(1, id).orderId, "an open order stays, whatever its age");
        }
        for (long id : done.subList(done.size() - 100, done.size())) {
            assertEquals(OrderStatus.CANCELED, states.find(1, id).status, "a done order among the newest");
        }
        for (long id : done.subList(0, done.size() - 100)) {
            assertNull(states.find(1, id), "an older done order is freed");
        }
        assertTrue(states.rowsAllocated() <= open.size() + 100 + 2 * FixOrderStates.PAGE_ROWS, "freed rows are reused");
    }

    /**
     * What a resting order costs the door: every byte allocated while recording it (its
     * row, its share of the table's growth) on the one thread that records; a ClOrdID
     * index here (about 80 bytes more) was what made it about 250 bytes.
     */
    @Test
    void aRestingOrderCostsItsRowAndItsShareOfTheTableOnly() {
        int orders = 300_000;
        FixOrderStates states = new FixOrderStates();
        String[] clOrdIds = new String[orders + 1];
        for (int i = 1; i <= orders; i++) {
            clOrdIds[i] = "c" + Integer.toString(i, 36);
        }
        EngineEvent accepted = event(EventType.ORDER_ACCEPTED, 1, 1, "c1", OrderStatus.NEW, DAY);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 1; i <= orders; i++) {
            accepted.orderId = i;
            accepted.accountId = i % 8;
            accepted.clOrdId.set(clOrdIds[i]);
            states.record(accepted);
        }
        long perOrder = (threads.getCurrentThreadAllocatedBytes() - before) / orders;

        assertEquals(orders, states.size());
        assertTrue(perOrder <= 200, perOrder + " bytes per resting order, budget 200");
    }

    static EngineEvent event(EventType type, long orderId, int account, String clOrdId, OrderStatus status, long time) {
        EngineEvent e = new EngineEvent().clear();
        e.type = type;
        e.orderId = orderId;
        e.accountId = account;
        e.symbolId = 2;
        e.side = Side.SELL;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.GTD;
        e.qty = 5;
        e.price = 101;
        e.status = status;
        e.eventTimeNanos = time;
        e.clOrdId.set(clOrdId);
        return e;
    }
}

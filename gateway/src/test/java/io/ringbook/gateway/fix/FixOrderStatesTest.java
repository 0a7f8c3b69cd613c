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
    void anOrdersLatestStateComesBackWholeByOrderIdAndByItsCurrentClOrdIdOfItsOwnAccountOnly() {
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

        EngineEvent found = states.find(3, 0, "abc-2-a-clordid-of-thirty-six-chars");
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
        assertEquals(7, states.find(3, 7, null).orderId);
        assertNull(states.find(3, 0, "abc-1"), "only the current ClOrdID is indexed (earlier ones are the read models' to find)");
        assertNull(states.find(4, 7, null), "another account's order");
        assertNull(states.find(3, 0, "never"));
        assertNull(states.find(3, 0, "not a clOrdId"), "text that is no ClOrdID");
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
            assertEquals(id, states.find(1, id, null).orderId, "an open order stays, whatever its age");
            assertEquals(id, states.find(1, 0, "c-" + id).orderId);
        }
        for (long id : done.subList(done.size() - 100, done.size())) {
            assertEquals(OrderStatus.CANCELED, states.find(1, 0, "c-" + id).status, "a done order among the newest");
        }
        for (long id : done.subList(0, done.size() - 100)) {
            assertNull(states.find(1, id, null), "an older done order is freed");
            assertNull(states.find(1, 0, "c-" + id), "and its ClOrdID forgotten");
        }
        assertTrue(states.rowsAllocated() <= open.size() + 100 + 2 * FixOrderStates.PAGE_ROWS, "freed rows are reused");
    }

    @Test
    void aClOrdIdUsedAgainLaterStaysWithTheNewOrderWhenTheOldOneIsFreed() {
        FixOrderStates states = new FixOrderStates(1);
        states.record(event(EventType.ORDER_CANCELED, 1, 1, "same", OrderStatus.CANCELED, DAY));
        states.record(event(EventType.ORDER_ACCEPTED, 2, 1, "same", OrderStatus.NEW, 2 * DAY));
        states.record(event(EventType.ORDER_CANCELED, 3, 1, "other", OrderStatus.CANCELED, 2 * DAY));
        assertNull(states.find(1, 1, null), "order 1 freed by order 3");
        assertEquals(2, states.find(1, 0, "same").orderId, "the ClOrdID stays with the order that has it now");
    }

    private static EngineEvent event(EventType type, long orderId, int account, String clOrdId, OrderStatus status, long time) {
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

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FIX gateway's compact order states: every field a status report needs comes back, and a day's roll frees done orders only. */
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
        assertEquals(7, states.find(3, 0, "abc-1").orderId, "a ClOrdID the order had before its replace, the same day");
        assertNull(states.find(4, 7, null), "another account's order");
        assertNull(states.find(3, 0, "never"));
        assertNull(states.find(3, 0, "not a clOrdId"), "text that is no ClOrdID");
    }

    @Test
    void aNewDayFreesDoneOrdersOlderThanThePreviousDayKeepsOpenOnesAndReusesTheRows() {
        FixOrderStates states = new FixOrderStates();
        for (int i = 1; i <= 3_000; i++) {
            OrderStatus status = i % 3 == 0 ? OrderStatus.NEW : OrderStatus.FILLED;
            states.record(event(EventType.ORDER_ACCEPTED, i, 1, "d1-" + i, status, DAY + i));
        }
        states.record(event(EventType.ORDER_CANCELED, 5_000, 1, "d2-x", OrderStatus.CANCELED, 2 * DAY));
        states.forgetDoneBefore(2);
        assertEquals(1_001, states.size(), "a third of day 1's orders are open, and day 2's canceled one is kept");
        assertNull(states.find(1, 1, null));
        assertNull(states.find(1, 0, "d1-1"));
        assertEquals(3, states.find(1, 0, "d1-3").orderId, "an open order stays, whatever its age, by both keys");
        assertEquals(5_000, states.find(1, 0, "d2-x").orderId);
        for (int i = 1; i <= 2_000; i++) {
            states.record(event(EventType.ORDER_ACCEPTED, 10_000 + i, 1, "d3-" + i, OrderStatus.NEW, 3 * DAY));
        }
        assertEquals(3_001, states.size());
        assertEquals(10_500, states.find(1, 0, "d3-500").orderId);
        assertEquals(2_997, states.find(1, 2_997, null).orderId, "open orders of day 1 still found after rows were reused");
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

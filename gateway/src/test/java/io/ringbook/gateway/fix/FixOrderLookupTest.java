package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.orders.OrderViews;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The FIX door's states keep no ClOrdID index: a ClOrdID, current or earlier, is turned
 * into the orderId by the read models, and the answer is still the door's own state (with
 * the request's ClOrdID, which the read models do not keep).
 */
class FixOrderLookupTest {

    private static final long DAY = 86_400_000_000_000L;

    @Test
    void shouldFindTheDoorsStateOfAKeptOrderByItsCurrentOrEarlierClOrdIdThroughTheReadModels() {
        FixOrderStates states = new FixOrderStates();
        OrderViews views = new OrderViews();
        try (FixOrderLookup lookup = new FixOrderLookup(states)) {
            lookup.readModels(views);
            EngineEvent replaced = FixOrderStatesTest.event(EventType.ORDER_REPLACED, 7, 3, "abc-2", OrderStatus.NEW, 10 * DAY + 5);
            replaced.requestClOrdId.set("abc-2");
            for (EngineEvent event : new EngineEvent[] {
                    FixOrderStatesTest.event(EventType.ORDER_ACCEPTED, 7, 3, "abc-1", OrderStatus.NEW, 10 * DAY), replaced}) {
                views.onEvent(event); // the read models before the door, as on the outbound thread
                states.record(event);
            }

            EngineEvent byCurrent = lookup.inMemory(3, 0, "abc-2");
            assertEquals(7, byCurrent.orderId);
            assertEquals("abc-2", byCurrent.requestClOrdId.toString(), "the door's own state");
            assertEquals(7, lookup.inMemory(3, 0, "abc-1").orderId, "by the ClOrdID it had earlier today");
            assertNull(lookup.inMemory(4, 0, "abc-2"), "another account's ClOrdID");
            assertNull(lookup.inMemory(3, 0, "never"));
            assertNull(lookup.inMemory(3, 0, "not a clOrdId"), "text that is no ClOrdID");
        }
        try (FixOrderLookup alone = new FixOrderLookup(states)) {
            assertEquals(7, alone.inMemory(3, 7, null).orderId, "a door without read models finds what it keeps by orderId");
            assertNull(alone.inMemory(3, 0, "abc-2"), "and nothing by ClOrdID");
        }
    }
}

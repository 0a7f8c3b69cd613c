package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.event.EngineEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new UTC day of event time says what to forget: done orders and fills from before yesterday, never open ones. */
class DayRollTest {

    private static final long DAY = 86_400_000_000_000L;
    private static final long MONDAY = 20_000 * DAY;

    @Test
    void shouldRollOnceADayAndForgetOnlyDoneOrdersOlderThanYesterday() {
        DayRoll roll = new DayRoll();
        assertEquals(Long.MIN_VALUE, roll.keepFromIfRolled(at(MONDAY + 5, OrderStatus.NEW)), "the first day forgets nothing");
        assertEquals(Long.MIN_VALUE, roll.keepFromIfRolled(at(MONDAY + 9, OrderStatus.NEW)), "nor does the same day again");
        long keepFrom = roll.keepFromIfRolled(at(MONDAY + 2 * DAY, OrderStatus.NEW));
        assertEquals(20_001, keepFrom, "Wednesday keeps Tuesday on");
        assertTrue(DayRoll.forgettable(at(MONDAY, OrderStatus.FILLED), keepFrom));
        assertFalse(DayRoll.forgettable(at(MONDAY, OrderStatus.NEW), keepFrom), "an open order stays");
        assertFalse(DayRoll.forgettable(at(MONDAY + DAY, OrderStatus.CANCELED), keepFrom), "yesterday's stays");
        assertTrue(DayRoll.olderThan(at(MONDAY, null), keepFrom));
    }

    private static EngineEvent at(long time, OrderStatus status) {
        EngineEvent event = new EngineEvent();
        event.eventTimeNanos = time;
        event.status = status;
        return event;
    }
}

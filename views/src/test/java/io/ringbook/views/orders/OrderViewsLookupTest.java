package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders no longer kept in memory are still found, by orderId and by clOrdId of the
 * current and the previous UTC day, reading only the journal near them; an orderId not
 * yet created is answered without reading the journal at all.
 */
class OrderViewsLookupTest {

    private static final long DAY = 86_400_000_000_000L;

    private final OrderViews views = new OrderViews(2, 1, 4);
    private final CountingHistory journal = new CountingHistory();
    private long sequence;

    @BeforeEach
    void wireHistory() {
        views.history(journal);
    }

    @Test
    void shouldAnswerAnOrderIdNotYetCreatedWithoutReadingTheJournal() {
        for (long id = 1; id <= 10; id++) {
            send(order(id, "c-" + id, EventType.ORDER_CANCELED, OrderStatus.CANCELED, 0));
        }
        assertFalse(views.find(999_999_999L).isPresent());
        assertFalse(views.find(11).isPresent());
        assertFalse(views.find(0).isPresent());
        assertEquals(0, journal.reads, "no journal read for an orderId above every one created");
        assertTrue(views.find(3).isPresent(), "an evicted order that exists is still read");
        assertEquals(1, journal.reads);
    }

    @Test
    void shouldReadAnEvictedOrderFromNearWhereItBeganUntilItIsDone() {
        for (long id = 1; id <= 40; id++) {
            send(order(id, "c-" + id, EventType.ORDER_ACCEPTED, OrderStatus.NEW, 0));
            if (id != 21) {
                send(order(id, "c-" + id, EventType.ORDER_CANCELED, OrderStatus.CANCELED, 0));
            }
        }
        send(order(21, "c-21", EventType.ORDER_FILLED, OrderStatus.PARTIALLY_FILLED, 0));
        send(order(21, "c-21", EventType.ORDER_FILLED, OrderStatus.FILLED, 0));
        for (long id = 41; id <= 60; id++) {
            send(order(id, "c-" + id, EventType.ORDER_CANCELED, OrderStatus.CANCELED, 0));
        }
        assertFalse(views.findKept(21).isPresent(), "evicted");

        OrderViews.View view = views.find(21).orElseThrow();
        assertEquals(OrderStatus.FILLED, view.state().status);
        assertEquals(2, view.fills().size(), "with all its fills");
        assertTrue(journal.lastAfter >= journal.sequenceOfFirst(17) - 1 && journal.lastAfter < journal.sequenceOfFirst(21),
                "read from the remembered start at or before the order, not the journal's start: " + journal.lastAfter);
        long filledAt = journal.events.stream().filter(e -> e.orderId == 21 && e.status == OrderStatus.FILLED).findFirst().orElseThrow().sequence;
        assertEquals(filledAt - journal.lastAfter, journal.delivered, "stops once the order is done, before the orders after it");

        OrderViews.View early = views.find(2).orElseThrow();
        assertEquals(OrderStatus.CANCELED, early.state().status, "the first orders are read too");
    }

    @Test
    void shouldFindAnEvictedOrderByClOrdIdOfTodayOrYesterdayButNotOlder() {
        send(order(1, "day-0", EventType.ORDER_CANCELED, OrderStatus.CANCELED, 0));
        send(order(2, "reused", EventType.ORDER_REJECTED, OrderStatus.REJECTED, 0));
        send(order(3, "day-1", EventType.ORDER_FILLED, OrderStatus.FILLED, DAY));
        send(order(4, "reused", EventType.ORDER_CANCELED, OrderStatus.CANCELED, DAY));
        EngineEvent placed = order(5, "before-amend", EventType.ORDER_ACCEPTED, OrderStatus.NEW, 2 * DAY);
        send(placed);
        send(order(5, "after-amend", EventType.ORDER_REPLACED, OrderStatus.NEW, 2 * DAY));
        send(order(5, "after-amend", EventType.ORDER_CANCELED, OrderStatus.CANCELED, 2 * DAY));
        for (long id = 6; id <= 9; id++) {
            send(order(id, "c-" + id, EventType.ORDER_CANCELED, OrderStatus.CANCELED, 2 * DAY));
        }
        assertFalse(views.findKept(3).isPresent(), "evicted");

        OrderViews.View yesterday = views.findByClOrdId(0, "day-1").orElseThrow();
        assertEquals(3, yesterday.state().orderId);
        assertEquals(OrderStatus.FILLED, yesterday.state().status);
        assertEquals(4, views.findByClOrdId(0, "reused").orElseThrow().state().orderId, "the newer order with a reused clOrdId");
        assertEquals(5, views.findByClOrdId(0, "after-amend").orElseThrow().state().orderId);
        assertFalse(views.findByClOrdId(0, "before-amend").isPresent(), "found by its current clOrdId only");
        assertFalse(views.findByClOrdId(0, "day-0").isPresent(), "two days back is beyond the clOrdIds kept");
        assertFalse(views.findByClOrdId(1, "day-1").isPresent(), "another account's clOrdId");
        assertFalse(views.findByClOrdId(0, "never-sent").isPresent());
    }

    @Test
    void shouldKeepTheClOrdIdsAndOrderPositionsAcrossASnapshot() {
        for (long id = 1; id <= 12; id++) {
            send(order(id, "c-" + id, EventType.ORDER_CANCELED, OrderStatus.CANCELED, DAY));
        }
        OrderViews restored = restored();

        assertEquals(10, restored.findByClOrdId(0, "c-10").orElseThrow().state().orderId, "an evicted order by clOrdId");
        assertEquals(journal.sequenceOfFirst(9) - 1, journal.lastAfter, "read from the remembered start of orders 9 to 12");
        assertFalse(restored.find(13).isPresent());
        assertEquals(1, journal.reads, "an orderId not yet created reads nothing after a restore either");
    }

    /** Yesterday's done order and today's open one with the same clOrdId: after a restore the clOrdId is the open order's, as it was live. */
    @Test
    void shouldFindTheOpenOrderByAReusedClOrdIdAfterARestore() {
        send(order(1, "ORD00000001", EventType.ORDER_ACCEPTED, OrderStatus.NEW, 0));
        send(order(1, "ORD00000001", EventType.ORDER_FILLED, OrderStatus.FILLED, 0));
        send(order(2, "ORD00000001", EventType.ORDER_ACCEPTED, OrderStatus.NEW, DAY));
        assertEquals(2, views.findByClOrdId(0, "ORD00000001").orElseThrow().state().orderId, "live");

        OrderViews restored = restored();

        assertEquals(2, restored.findByClOrdId(0, "ORD00000001").orElseThrow().state().orderId, "after the restore");
        assertEquals(OrderStatus.FILLED, restored.find(1).orElseThrow().state().status, "the done order is still kept");
    }

    /** A model read back from what {@link #views} writes, reading the same journal. */
    private OrderViews restored() {
        StateBuffer state = new StateBuffer(1024);
        views.writeState(state);
        OrderViews restored = new OrderViews(2, 1, 4);
        restored.readState(new StateBuffer(16).load(state.array(), 0, state.length()));
        restored.history(journal);
        return restored;
    }

    private void send(EngineEvent event) {
        journal.events.add(event);
        views.onEvent(event);
    }

    private EngineEvent order(long orderId, String clOrdId, EventType type, OrderStatus status, long time) {
        EngineEvent event = OrderEvents.order(orderId, clOrdId, type, status, ++sequence, sequence, time + orderId);
        event.sequence = sequence;
        return event;
    }

    /** The journal as a list, counting reads and what each one delivered, honouring the start and the stop as the output journal does. */
    private static final class CountingHistory implements EventHistory {
        final List<EngineEvent> events = new ArrayList<>();
        int reads;
        long lastAfter;
        int delivered;

        @Override
        public void replay(EngineListener listener) {
            replayAfter(Long.MIN_VALUE, listener, () -> false);
        }

        @Override
        public void replayAfter(long after, EngineListener listener, BooleanSupplier enough) {
            reads++;
            lastAfter = after;
            delivered = 0;
            for (EngineEvent event : events) {
                if (enough.getAsBoolean()) {
                    return;
                }
                if (event.sequence > after) {
                    delivered++;
                    listener.onEvent(event);
                }
            }
        }

        long sequenceOfFirst(long orderId) {
            return events.stream().filter(e -> e.orderId == orderId).mapToLong(e -> e.sequence).min().orElseThrow();
        }
    }
}

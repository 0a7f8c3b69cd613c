package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readers walk the rings of done orders and fills in stretches while the outbound writer
 * keeps pushing orders through them: every list a reader gets is still the account's
 * orders (or fills), newest first, none twice, none that is not done, at most the ring.
 */
class OrderViewsConcurrentReadTest {

    private static final int KEPT = 4 * OrderViews.WALK_STEPS;

    @Test
    void listsWalkedInStretchesWhileTheWriterMovesTheRingsStayWhole() throws Exception {
        OrderViews views = new OrderViews(KEPT, KEPT);
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Integer> reads = CompletableFuture.supplyAsync(() -> {
            int lists = 0;
            while (writing.get() || lists == 0) {
                check(views.list(1, Set.of(OrderStatus.FILLED), state -> true, Integer.MAX_VALUE).stream()
                        .map(view -> view.state()).toList());
                check(views.fills(1, fill -> true, Integer.MAX_VALUE));
                lists++;
            }
            return lists;
        });
        for (long id = 1; id <= 200_000; id++) {
            EngineEvent filled = OrderEvents.order(id, "c-" + id, EventType.ORDER_FILLED, OrderStatus.FILLED, id, id, id);
            filled.accountId = (int) (id % 2);
            views.onEvent(filled);
        }
        writing.set(false);
        assertTrue(reads.get(30, TimeUnit.SECONDS) > 0);
        assertEquals(KEPT / 2, views.list(1, Set.of(), state -> true, Integer.MAX_VALUE).size());
    }

    /** An order listed as open in the first stretch and done by a later one is listed once. */
    @Test
    void ordersThatAreDoneWhileAListRunsAreListedOnce() throws Exception {
        OrderViews views = new OrderViews(KEPT, KEPT);
        int open = OrderViews.WALK_STEPS;
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Integer> reads = CompletableFuture.supplyAsync(() -> {
            int lists = 0;
            while (writing.get() || lists == 0) {
                check(views.list(1, Set.of(), state -> true, Integer.MAX_VALUE).stream().map(view -> view.state()).toList());
                lists++;
            }
            return lists;
        });
        for (long id = 1; id <= 200_000; id++) {
            EngineEvent accepted = OrderEvents.order(id, "c-" + id, EventType.ORDER_ACCEPTED, OrderStatus.NEW, 2 * id, 0, 2 * id);
            accepted.accountId = 1;
            views.onEvent(accepted);
            if (id > open) {
                long old = id - open;
                EngineEvent filled = OrderEvents.order(old, "c-" + old, EventType.ORDER_FILLED, OrderStatus.FILLED, 2 * id + 1, old,
                        2 * id + 1);
                filled.accountId = 1;
                views.onEvent(filled);
            }
        }
        writing.set(false);
        assertTrue(reads.get(30, TimeUnit.SECONDS) > 0);
    }

    private static void check(List<EngineEvent> newestFirst) {
        Set<Long> seen = new HashSet<>();
        long previous = Long.MAX_VALUE;
        for (EngineEvent event : newestFirst) {
            assertEquals(1, event.accountId, "the account's own");
            assertTrue(event.orderId < previous, "newest first, none twice: " + event.orderId + " after " + previous);
            assertTrue(seen.add(event.orderId));
            previous = event.orderId;
        }
        // the second test keeps WALK_STEPS orders open, one more between an acceptance and the next fill
        assertTrue(newestFirst.size() <= KEPT + OrderViews.WALK_STEPS + 1, "at most the ring and the open orders: " + newestFirst.size());
    }
}

package io.ringbook.engine.book;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class TimedOrdersTest {

    @Test
    void shouldAlwaysOfferTheEarliestExpiryThenLowestOrderIdLikeASortedSet() {
        SplittableRandom random = new SplittableRandom(5);
        TimedOrders heap = new TimedOrders(4);
        TreeSet<Order> reference = new TreeSet<>(Comparator.<Order>comparingLong(o -> o.expireTimeNanos)
                .thenComparingLong(o -> o.orderId));
        List<Order> live = new ArrayList<>();
        long nextId = 1;
        for (int step = 0; step < 50_000; step++) {
            int roll = random.nextInt(10);
            if (roll < 5 || live.isEmpty()) {
                Order order = new Order();
                order.orderId = nextId++;
                order.expireTimeNanos = random.nextLong(1, 1_000);
                heap.add(order);
                reference.add(order);
                live.add(order);
            } else if (roll < 8) {
                Order order = live.remove(random.nextInt(live.size()));
                heap.remove(order);
                reference.remove(order);
                assertEquals(-1, order.timedIndex);
            } else {
                Order first = reference.first();
                assertSame(first, heap.due(first.expireTimeNanos));
                assertNull(heap.due(first.expireTimeNanos - 1));
                heap.remove(first);
                reference.remove(first);
                live.remove(first);
            }
            assertEquals(reference.size(), heap.size());
        }
    }
}

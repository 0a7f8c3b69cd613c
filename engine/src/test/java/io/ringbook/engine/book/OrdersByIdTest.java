package io.ringbook.engine.book;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The keyless table of open orders: a seeded mix of adds and removals (orders opened in
 * orderId order, done in any order), growing past several doublings from a small table
 * and shrinking back, leaves every open order findable and none that is done, as a map
 * would.
 */
class OrdersByIdTest {

    @Test
    void shouldFindEveryOpenOrderAndNoneDone() {
        OrdersById table = new OrdersById(16);
        Map<Long, Order> model = new HashMap<>();
        List<Order> open = new ArrayList<>();
        Random random = new Random(20);
        long lastId = 0;
        for (int step = 0; step < 200_000; step++) {
            if (open.isEmpty() || random.nextInt(10) < (step < 100_000 ? 7 : 3)) {
                Order order = new Order();
                order.orderId = ++lastId;
                table.add(order);
                model.put(order.orderId, order);
                open.add(order);
            } else {
                Order done = open.remove(random.nextInt(open.size()));
                table.remove(done);
                model.remove(done.orderId);
            }
        }
        for (long id = 0; id <= lastId + 1; id++) {
            assertSame(model.get(id), table.get(id), "order " + id);
        }
        assertEquals(model.size(), table.size());
    }
}

package io.ringbook.views.orders;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The reference table without keys or tombstones: under a hash that puts many orders on
 * the same few homes (long runs that wrap round the table's end), a seeded mix of adds
 * and removals, growing past several doublings and shrinking back, leaves every order
 * kept findable and none removed, as a map would.
 */
class RecordTableTest {

    @Test
    void shouldFindEveryOrderKeptAndNoneRemovedUnderLongCollidingRuns() {
        RecordTable table = new RecordTable(order -> -(order.orderId % 7)); // homes at the table's last slots: runs wrap round
        Map<Long, OrderRecord> model = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        Random random = new Random(20);
        for (int step = 0; step < 20_000; step++) {
            if (ids.isEmpty() || random.nextInt(10) < (step < 10_000 ? 7 : 3)) {
                OrderRecord order = new OrderRecord(step + 1);
                table.add(order);
                model.put(order.orderId, order);
                ids.add(order.orderId);
            } else {
                long id = ids.remove(random.nextInt(ids.size()));
                table.remove(model.remove(id));
            }
        }
        for (long id = 1; id <= 20_000; id++) {
            assertSame(model.get(id), find(table, id), "order " + id);
        }
        int[] count = new int[1];
        table.forEach(order -> count[0]++);
        assertEquals(model.size(), count[0]);
    }

    private static OrderRecord find(RecordTable table, long orderId) {
        long hash = -(orderId % 7);
        for (int i = table.first(hash); !table.empty(i); i = table.next(i)) {
            OrderRecord there = table.at(i, hash);
            if (there != null && there.orderId == orderId) {
                return there;
            }
        }
        return null;
    }
}

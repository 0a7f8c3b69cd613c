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
 * The keyless table: a seeded mix of adds and removals, growing past several doublings
 * from a small table and shrinking back, leaves every entry kept findable and none
 * removed, as a map would; under a well-mixed hash, and under one that puts every entry
 * on seven homes at the table's end (long runs that wrap round, full hashes alike).
 */
class RefTableTest {

    @Test
    void shouldFindEveryEntryKeptAndNoneRemovedUnderAMixedHash() {
        check(orderId -> orderId * 0x9E37_79B9_7F4A_7C15L ^ orderId >>> 7);
    }

    @Test
    void shouldFindEveryEntryKeptAndNoneRemovedUnderLongCollidingRuns() {
        check(orderId -> -(orderId % 7));
    }

    private static void check(java.util.function.LongUnaryOperator hash) {
        RefTable<Order> table = new RefTable<>(16);
        Map<Long, Order> model = new HashMap<>();
        List<Order> kept = new ArrayList<>();
        Random random = new Random(20);
        long lastId = 0;
        for (int step = 0; step < 40_000; step++) {
            if (kept.isEmpty() || random.nextInt(10) < (step < 20_000 ? 7 : 3)) {
                Order order = new Order();
                order.orderId = ++lastId;
                table.add(order, hash.applyAsLong(order.orderId));
                model.put(order.orderId, order);
                kept.add(order);
            } else {
                Order gone = kept.remove(random.nextInt(kept.size()));
                table.remove(gone, hash.applyAsLong(gone.orderId));
                model.remove(gone.orderId);
            }
        }
        for (long id = 0; id <= lastId + 1; id++) {
            assertSame(model.get(id), find(table, hash.applyAsLong(id), id), "entry " + id);
        }
        assertEquals(model.size(), table.size());
        int[] walked = new int[1];
        table.forEach(order -> walked[0]++);
        assertEquals(model.size(), walked[0]);
    }

    private static Order find(RefTable<Order> table, long hash, long orderId) {
        for (int i = table.first(hash); !table.empty(i); i = table.next(i)) {
            Order there = table.at(i, hash);
            if (there != null && there.orderId == orderId) {
                return there;
            }
        }
        return null;
    }
}

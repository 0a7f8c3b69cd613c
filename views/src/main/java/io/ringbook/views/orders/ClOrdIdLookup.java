package io.ringbook.views.orders;

import io.ringbook.engine.book.RefTable;
import io.ringbook.engine.domain.ClOrdId;

/**
 * The kept orders by account and current clOrdId, without a String or key object per
 * order: a {@link RefTable} under a 64-bit hash of (account, clOrdId), the orders' own
 * fields confirming a match. Guarded by the owning view's lock.
 */
final class ClOrdIdLookup {

    private final RefTable<OrderRecord> table = new RefTable<>(1024);

    /** Files the order under its current clOrdId, in place of an order that held it. */
    void add(OrderRecord order) {
        long hash = hash(order);
        for (int i = table.first(hash); !table.empty(i); i = table.next(i)) {
            OrderRecord there = table.at(i, hash);
            if (there != null && (there == order || sameKey(there, order))) {
                table.replace(i, order);
                return;
            }
        }
        table.add(order, hash);
    }

    /** Forgets the order under its current clOrdId (call before that clOrdId changes). */
    void remove(OrderRecord order) {
        table.remove(order, hash(order));
    }

    OrderRecord find(int accountId, ClOrdId clOrdId) {
        long hash = hash(accountId, clOrdId.word(0), clOrdId.word(1), clOrdId.word(2), clOrdId.word(3), clOrdId.word(4),
                clOrdId.length());
        for (int i = table.first(hash); !table.empty(i); i = table.next(i)) {
            OrderRecord one = table.at(i, hash);
            if (one != null && one.accountId == accountId && one.carries(clOrdId)) {
                return one;
            }
        }
        return null;
    }

    private static boolean sameKey(OrderRecord a, OrderRecord b) {
        return a.accountId == b.accountId && a.clOrdIdLength() == b.clOrdIdLength() && a.clOrdId0 == b.clOrdId0
                && a.clOrdId1 == b.clOrdId1 && a.clOrdId2 == b.clOrdId2 && a.clOrdId3 == b.clOrdId3 && a.clOrdId4 == b.clOrdId4;
    }

    private static long hash(OrderRecord order) {
        return hash(order.accountId, order.clOrdId0, order.clOrdId1, order.clOrdId2, order.clOrdId3, order.clOrdId4,
                order.clOrdIdLength());
    }

    private static long hash(int accountId, long w0, long w1, long w2, long w3, long w4, int length) {
        long h = accountId * 0x9E3779B97F4A7C15L + length;
        h = mix(h ^ w0);
        h = mix(h ^ w1);
        h = mix(h ^ w2);
        h = mix(h ^ w3);
        return mix(h ^ w4);
    }

    /** A strong 64-bit finalizer (SplitMix64's). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

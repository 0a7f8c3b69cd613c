package io.ringbook.views.orders;

import io.ringbook.engine.domain.ClOrdId;

/**
 * The kept orders by account and current clOrdId, without a String or key object per
 * order: a {@link RecordTable} under a 64-bit hash of (account, clOrdId), the orders' own
 * fields confirming a match. Guarded by the owning view's lock.
 */
final class ClOrdIdLookup {

    private final RecordTable table = new RecordTable(ClOrdIdLookup::hash);

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
        table.add(order);
    }

    /** Forgets the order under its current clOrdId (call before that clOrdId changes). */
    void remove(OrderRecord order) {
        table.remove(order);
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
        h = RecordTable.mix(h ^ w0);
        h = RecordTable.mix(h ^ w1);
        h = RecordTable.mix(h ^ w2);
        h = RecordTable.mix(h ^ w3);
        return RecordTable.mix(h ^ w4);
    }
}

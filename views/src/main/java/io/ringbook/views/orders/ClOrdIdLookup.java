package io.ringbook.views.orders;

import io.ringbook.engine.domain.ClOrdId;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;

/**
 * The kept orders by account and current clOrdId, without a String or key object per
 * order: a primitive map from a 64-bit hash of (account, clOrdId) to the order, whose own
 * fields confirm the match; the rare orders whose hashes collide share an array. Guarded
 * by the owning view's lock.
 */
final class ClOrdIdLookup {

    private final Long2ObjectHashMap<Object> byHash = new Long2ObjectHashMap<>(1024, 0.65f, false);

    void add(OrderRecord order) {
        long hash = hash(order.accountId, order.clOrdId0, order.clOrdId1, order.clOrdId2, order.clOrdId3, order.clOrdId4,
                order.clOrdIdLength);
        Object there = byHash.get(hash);
        if (there == null || there == order || (there instanceof OrderRecord one && sameKey(one, order))) {
            byHash.put(hash, order);
        } else if (there instanceof OrderRecord one) {
            byHash.put(hash, new OrderRecord[] {one, order});
        } else {
            OrderRecord[] many = (OrderRecord[]) there;
            for (int i = 0; i < many.length; i++) {
                if (sameKey(many[i], order)) {
                    many[i] = order;
                    return;
                }
            }
            OrderRecord[] more = Arrays.copyOf(many, many.length + 1);
            more[many.length] = order;
            byHash.put(hash, more);
        }
    }

    /** Forgets the order under its current clOrdId (call before that clOrdId changes). */
    void remove(OrderRecord order) {
        long hash = hash(order.accountId, order.clOrdId0, order.clOrdId1, order.clOrdId2, order.clOrdId3, order.clOrdId4,
                order.clOrdIdLength);
        Object there = byHash.get(hash);
        if (there == order) {
            byHash.remove(hash);
        } else if (there instanceof OrderRecord[] many) {
            OrderRecord[] rest = Arrays.stream(many).filter(o -> o != order).toArray(OrderRecord[]::new);
            byHash.put(hash, rest.length == 1 ? rest[0] : rest);
        }
    }

    OrderRecord find(int accountId, ClOrdId clOrdId) {
        Object there = byHash.get(hash(accountId, clOrdId.word(0), clOrdId.word(1), clOrdId.word(2), clOrdId.word(3),
                clOrdId.word(4), clOrdId.length()));
        if (there instanceof OrderRecord one) {
            return one.accountId == accountId && one.carries(clOrdId) ? one : null;
        }
        if (there instanceof OrderRecord[] many) {
            for (OrderRecord one : many) {
                if (one.accountId == accountId && one.carries(clOrdId)) {
                    return one;
                }
            }
        }
        return null;
    }

    private static boolean sameKey(OrderRecord a, OrderRecord b) {
        return a.accountId == b.accountId && a.clOrdIdLength == b.clOrdIdLength && a.clOrdId0 == b.clOrdId0
                && a.clOrdId1 == b.clOrdId1 && a.clOrdId2 == b.clOrdId2 && a.clOrdId3 == b.clOrdId3 && a.clOrdId4 == b.clOrdId4;
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

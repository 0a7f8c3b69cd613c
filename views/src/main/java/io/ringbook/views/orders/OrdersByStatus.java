package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * Each account's orders filed under their current status, newest first, so that
 * "the account's open orders" or "its FILLED orders" reads those orders only, never
 * every order of the two days the read model keeps. Written on the outbound thread as
 * orders change status; read by HTTP threads (weakly consistent, like the maps it is
 * made of: an order moving between two statuses during a read shows once, in either).
 *
 * @param <V> what is filed for an order
 */
final class OrdersByStatus<V> {

    private static final int STATUSES = OrderStatus.values().length;

    private final ConcurrentHashMap<Integer, List<ConcurrentSkipListMap<Long, V>>> byAccount = new ConcurrentHashMap<>();

    /** The order is now {@code now}, having been {@code before} (null for a new order). */
    void file(int account, long orderId, OrderStatus before, OrderStatus now, V order) {
        List<ConcurrentSkipListMap<Long, V>> statuses = byAccount.computeIfAbsent(account, a -> {
            List<ConcurrentSkipListMap<Long, V>> maps = new ArrayList<>(STATUSES);
            for (int i = 0; i < STATUSES; i++) {
                maps.add(new ConcurrentSkipListMap<>(Comparator.reverseOrder()));
            }
            return maps;
        });
        if (now != null) {
            statuses.get(now.ordinal()).put(orderId, order);
        }
        if (before != null && before != now) {
            statuses.get(before.ordinal()).remove(orderId);
        }
    }

    /** The order is no longer kept. */
    void forget(int account, long orderId, OrderStatus status) {
        List<ConcurrentSkipListMap<Long, V>> statuses = byAccount.get(account);
        if (statuses != null && status != null) {
            statuses.get(status.ordinal()).remove(orderId);
        }
    }

    /** The account's orders in any of {@code wanted}, newest first, each once, that pass {@code filter}; at most {@code limit}. */
    List<V> newestFirst(int account, Set<OrderStatus> wanted, Predicate<V> filter, int limit) {
        List<V> found = new ArrayList<>();
        List<ConcurrentSkipListMap<Long, V>> statuses = byAccount.get(account);
        if (statuses == null) {
            return found;
        }
        List<Iterator<Map.Entry<Long, V>>> sources = new ArrayList<>();
        List<Map.Entry<Long, V>> heads = new ArrayList<>();
        for (OrderStatus status : wanted) {
            Iterator<Map.Entry<Long, V>> source = statuses.get(status.ordinal()).entrySet().iterator();
            if (source.hasNext()) {
                sources.add(source);
                heads.add(source.next());
            }
        }
        long last = Long.MAX_VALUE;
        while (!heads.isEmpty() && found.size() < limit) {
            int newest = 0;
            for (int i = 1; i < heads.size(); i++) {
                if (heads.get(i).getKey() > heads.get(newest).getKey()) {
                    newest = i;
                }
            }
            Map.Entry<Long, V> head = heads.get(newest);
            if (head.getKey() < last && filter.test(head.getValue())) {
                found.add(head.getValue());
            }
            last = Math.min(last, head.getKey());
            if (sources.get(newest).hasNext()) {
                heads.set(newest, sources.get(newest).next());
            } else {
                heads.remove(newest);
                sources.remove(newest);
            }
        }
        return found;
    }
}

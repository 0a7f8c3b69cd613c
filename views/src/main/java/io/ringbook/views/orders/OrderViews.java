package io.ringbook.views.orders;

import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.orders.DayRoll;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The gateway's read model of orders and fills, kept on the outbound thread from the
 * engine's order events: each order's latest state and fills, each account's orders by
 * orderId, by clOrdId and by status ({@link OrdersByStatus}), and each account's fills. HTTP threads read it to answer
 * queries and to check ownership before publishing. Registered before the pipeline's
 * reply router, so a caller whose order was answered already finds it here. Open orders
 * stay; done orders and fills are kept for the current and the previous UTC day
 * ({@link DayRoll}).
 */
public final class OrderViews implements EngineListener {

    /**
     * An order as last reported, with its fills in order, and as first reported: what it
     * was placed as, before any amend (a resent POST is compared with that).
     */
    public record View(EngineEvent state, List<EngineEvent> fills, EngineEvent original) {
    }

    /** The statuses of an order that can still trade. */
    public static final Set<OrderStatus> OPEN = Set.of(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);

    private final ConcurrentHashMap<Long, Entry> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentSkipListMap<Long, Entry>> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> byClOrdId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentSkipListMap<Long, EngineEvent>> fillsByAccount = new ConcurrentHashMap<>();
    private final OrdersByStatus<Entry> byStatus = new OrdersByStatus<>();
    private final DayRoll dayRoll = new DayRoll();

    @Override
    public void onEvent(EngineEvent event) {
        long keepFrom = dayRoll.keepFromIfRolled(event);
        if (keepFrom != Long.MIN_VALUE) {
            forgetBefore(keepFrom);
        }
        if (event.orderId == 0 || event.type == EventType.CANCEL_REJECTED || event.type == EventType.AMEND_REJECTED
                || event.rejectReason == RejectReason.DUPLICATE_CLORDID) {
            return;
        }
        Entry entry = byId.computeIfAbsent(event.orderId, id -> new Entry());
        EngineEvent state = event.copy();
        OrderStatus before;
        synchronized (entry) {
            before = entry.state == null ? null : entry.state.status;
            entry.original = entry.original == null ? state : entry.original;
            entry.state = state;
            if (event.type == EventType.ORDER_FILLED) {
                entry.fills.add(state);
            }
        }
        byStatus.file(event.accountId, event.orderId, before, state.status, entry);
        byAccount.computeIfAbsent(event.accountId, a -> new ConcurrentSkipListMap<>()).put(event.orderId, entry);
        if (event.clOrdId.length() > 0) {
            byClOrdId.put(key(event.accountId, event.clOrdId.toString()), event.orderId);
        }
        if (event.type == EventType.ORDER_FILLED) {
            fillsByAccount.computeIfAbsent(event.accountId, a -> new ConcurrentSkipListMap<>()).put(event.execId, state);
        }
    }

    public Optional<View> find(long orderId) {
        Entry entry = byId.get(orderId);
        return entry == null ? Optional.empty() : Optional.of(entry.view());
    }

    /** The account's order that last carried this clOrdId. */
    public Optional<View> findByClOrdId(int accountId, String clOrdId) {
        Long orderId = byClOrdId.get(key(accountId, clOrdId));
        return orderId == null ? Optional.empty() : find(orderId);
    }

    /**
     * The account's orders in one of {@code statuses} (any status if empty) whose state
     * matches, newest first, at most {@code limit}: only the orders of those statuses are
     * read.
     */
    public List<View> list(int accountId, Set<OrderStatus> statuses, Predicate<EngineEvent> filter, int limit) {
        Predicate<EngineEvent> matches = statuses.isEmpty() ? filter : filter.and(state -> statuses.contains(state.status));
        if (!statuses.isEmpty()) {
            List<View> views = new ArrayList<>();
            for (Entry entry : byStatus.newestFirst(accountId, statuses, entry -> matches.test(entry.view().state()), limit)) {
                views.add(entry.view());
            }
            return views;
        }
        List<View> views = new ArrayList<>();
        for (Entry entry : byAccount.getOrDefault(accountId, new ConcurrentSkipListMap<>()).descendingMap().values()) {
            View view = entry.view();
            if (matches.test(view.state())) {
                views.add(view);
                if (views.size() == limit) {
                    break;
                }
            }
        }
        return views;
    }

    /** The account's fills, newest first, at most {@code limit}. */
    public List<EngineEvent> fills(int accountId, Predicate<EngineEvent> filter, int limit) {
        List<EngineEvent> fills = new ArrayList<>();
        for (Map.Entry<Long, EngineEvent> fill : fillsByAccount.getOrDefault(accountId, new ConcurrentSkipListMap<>())
                .descendingMap().entrySet()) {
            if (filter.test(fill.getValue())) {
                fills.add(fill.getValue());
                if (fills.size() == limit) {
                    break;
                }
            }
        }
        return fills;
    }

    /** Drops done orders and fills from before {@code keepFromDay}; on the outbound thread, the only writer. */
    private void forgetBefore(long keepFromDay) {
        for (Iterator<Entry> entries = byId.values().iterator(); entries.hasNext(); ) {
            EngineEvent state = entries.next().state;
            if (DayRoll.forgettable(state, keepFromDay)) {
                byStatus.forget(state.accountId, state.orderId, state.status);
                entries.remove();
            }
        }
        byAccount.values().forEach(orders -> orders.values().removeIf(entry -> DayRoll.forgettable(entry.state, keepFromDay)));
        byClOrdId.values().removeIf(orderId -> !byId.containsKey(orderId));
        fillsByAccount.values().forEach(fills -> fills.values().removeIf(fill -> DayRoll.olderThan(fill, keepFromDay)));
    }

    private static String key(int accountId, String clOrdId) {
        return accountId + "\u0000" + clOrdId;
    }

    private static final class Entry {
        private EngineEvent original;
        private EngineEvent state;
        private final List<EngineEvent> fills = new ArrayList<>();

        synchronized View view() {
            return new View(state, List.copyOf(fills), original);
        }
    }
}

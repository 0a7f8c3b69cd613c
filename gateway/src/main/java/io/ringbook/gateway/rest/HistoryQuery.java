package io.ringbook.gateway.rest;

import io.javalin.http.Context;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.orders.EventHistory;
import io.ringbook.web.ApiException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One page of an account's order or fill history read from the {@link EventHistory}:
 * orders created (or fills made) in [{@code fromNanos}, {@code toNanos}) of event time,
 * with an id below {@code beforeId}, on one symbol or all ({@code symbol < 0}), newest
 * first, at most {@code limit}. The history is read forward once; memory stays bounded
 * by the page: only the {@code limit} newest candidates are kept as the read goes
 * (orderIds and tradeIds grow with time), each order with its latest state and fills.
 */
final class HistoryQuery {

    private static final Set<EventType> ORDER_EVENTS = EnumSet.of(EventType.ORDER_ACCEPTED, EventType.ORDER_REJECTED,
            EventType.ORDER_FILLED, EventType.ORDER_CANCELED, EventType.ORDER_EXPIRED, EventType.ORDER_REPLACED);

    private final int account;
    private final long fromNanos;
    private final long toNanos;
    private final long beforeId;
    private final int symbol;
    private final int limit;

    HistoryQuery(int account, long fromNanos, long toNanos, long beforeId, int symbol, int limit) {
        this.account = account;
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        this.beforeId = beforeId;
        this.symbol = symbol;
        this.limit = limit;
    }

    /**
     * The history page a request asks for with {@code from}, {@code to} or {@code fromId}
     * (ISO-8601 UTC, [from, to); fromId: only older ids), or null if it names none (the
     * read models answer it).
     */
    static HistoryQuery of(Context ctx, int account, int symbol) {
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        String fromId = ctx.queryParam("fromId");
        if (from == null && to == null && fromId == null) {
            return null;
        }
        return new HistoryQuery(account, time(from, "from", Long.MIN_VALUE), time(to, "to", Long.MAX_VALUE), id(fromId), symbol,
                Http.intParam(ctx, "limit", 100, 1, 1000));
    }

    /** An order as the history last reported it, with all its fills. */
    record Order(EngineEvent state, List<EngineEvent> fills) {
    }

    /** The page of orders, newest (highest orderId) first. */
    List<Order> orders(EventHistory history) {
        TreeMap<Long, Order> page = new TreeMap<>();
        history.replay(event -> {
            if (!isOrderEvent(event) || event.accountId != account || !onSymbol(event)) {
                return;
            }
            Order known = page.get(event.orderId);
            if (known == null && (event.orderId >= beforeId || event.createdTimeNanos < fromNanos || event.createdTimeNanos >= toNanos
                    || (page.size() == limit && event.orderId < page.firstKey()))) {
                return;
            }
            EngineEvent state = event.copy();
            List<EngineEvent> fills = known == null ? new ArrayList<>() : known.fills();
            if (event.type == EventType.ORDER_FILLED) {
                fills.add(state);
            }
            page.put(event.orderId, new Order(state, fills));
            if (page.size() > limit) {
                page.pollFirstEntry();
            }
        });
        return new ArrayList<>(page.descendingMap().values());
    }

    /** The page of fills, newest (highest tradeId) first. */
    List<EngineEvent> fills(EventHistory history) {
        Deque<EngineEvent> page = new ArrayDeque<>();
        history.replay(event -> {
            if (event.type == EventType.ORDER_FILLED && event.accountId == account && onSymbol(event) && event.tradeId < beforeId
                    && event.eventTimeNanos >= fromNanos && event.eventTimeNanos < toNanos) {
                page.addFirst(event.copy());
                if (page.size() > limit) {
                    page.removeLast();
                }
            }
        });
        return new ArrayList<>(page);
    }

    private static long time(String text, String name, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            return EventTime.parse(text);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("INVALID_FIELD", name + " must be ISO-8601 UTC, e.g. 2026-11-30T00:00:00Z");
        }
    }

    private static long id(String text) {
        if (text == null) {
            return Long.MAX_VALUE;
        }
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_FIELD", "fromId must be a positive whole number: the smallest id of the previous page");
    }

    private boolean onSymbol(EngineEvent event) {
        return symbol < 0 || event.symbolId == symbol;
    }

    /** The events the order read model keeps too: about an order, not refusals of a request naming one. */
    private static boolean isOrderEvent(EngineEvent event) {
        return event.orderId != 0 && ORDER_EVENTS.contains(event.type) && event.rejectReason != RejectReason.DUPLICATE_CLORDID;
    }
}

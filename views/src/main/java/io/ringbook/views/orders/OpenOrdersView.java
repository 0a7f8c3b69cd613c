package io.ringbook.views.orders;

import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every open order of every account, per symbol and side in the book's own order (best
 * price first, then time priority), rebuilt on the outbound thread from order events:
 * what the admin API shows as the full book. Time priority is the order in which orders
 * arrived at their price; an amend that loses priority (a new price or a larger
 * quantity) counts as a new arrival, as in the engine. Allocates; off the hot path.
 */
public final class OpenOrdersView implements EngineListener {

    /** An order as it rests: its last event and its place in the queue at its price. */
    public record Resting(EngineEvent state, long arrival) {
    }

    private static final Comparator<Resting> BIDS = Comparator.comparingLong((Resting r) -> -r.state().price)
            .thenComparingLong(Resting::arrival);
    private static final Comparator<Resting> ASKS = Comparator.comparingLong((Resting r) -> r.state().price)
            .thenComparingLong(Resting::arrival);

    private final Map<Long, Resting> byId = new HashMap<>();
    private final List<TreeSet<Resting>> bids = new ArrayList<>();
    private final List<TreeSet<Resting>> asks = new ArrayList<>();
    private long arrivals;

    public OpenOrdersView(int symbols) {
        for (int i = 0; i < symbols; i++) {
            bids.add(new TreeSet<>(BIDS));
            asks.add(new TreeSet<>(ASKS));
        }
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        if (event.orderId == 0 || event.status == null || event.type == EventType.CANCEL_REJECTED
                || event.type == EventType.AMEND_REJECTED || event.rejectReason != RejectReason.NONE) {
            return;
        }
        Resting before = byId.remove(event.orderId);
        if (before != null) {
            side(before.state()).remove(before);
        }
        if (!event.status.isOpen() || event.orderType == null || event.price == 0) {
            return;
        }
        boolean keepsPlace = before != null && before.state().price == event.price
                && (event.type == EventType.ORDER_FILLED || event.qty <= before.state().qty);
        Resting now = new Resting(event.copy(), keepsPlace ? before.arrival() : ++arrivals);
        byId.put(event.orderId, now);
        side(now.state()).add(now);
    }

    /** The open orders of one side of a symbol's book, best first, at most {@code limit}. */
    public synchronized List<EngineEvent> orders(int symbolId, Side side, int limit) {
        List<EngineEvent> orders = new ArrayList<>();
        for (Resting resting : (side == Side.BUY ? bids : asks).get(symbolId)) {
            if (orders.size() == limit) {
                break;
            }
            orders.add(resting.state());
        }
        return orders;
    }

    private TreeSet<Resting> side(EngineEvent order) {
        return (order.side == Side.BUY ? bids : asks).get(order.symbolId);
    }
}

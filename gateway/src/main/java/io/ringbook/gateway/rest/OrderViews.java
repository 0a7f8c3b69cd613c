package io.ringbook.gateway.rest;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's read model of orders, kept on the outbound thread from the engine's
 * order events: each order's latest state and all its fills. HTTP threads read it to
 * answer queries and to check ownership before publishing a cancel. Registered before
 * the pipeline's reply router, so a caller whose order was answered already finds it here.
 */
final class OrderViews implements EngineListener {

    /** An order as last reported, with its fills in order. */
    record View(EngineEvent state, List<EngineEvent> fills) {
    }

    private final ConcurrentHashMap<Long, Entry> byId = new ConcurrentHashMap<>();

    @Override
    public void onEvent(EngineEvent event) {
        if (event.orderId == 0 || event.type == EventType.CANCEL_REJECTED || event.type == EventType.AMEND_REJECTED) {
            return;
        }
        Entry entry = byId.computeIfAbsent(event.orderId, id -> new Entry());
        synchronized (entry) {
            entry.state = event.copy();
            if (event.type == EventType.ORDER_FILLED) {
                entry.fills.add(entry.state);
            }
        }
    }

    Optional<View> find(long orderId) {
        Entry entry = byId.get(orderId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(new View(entry.state, List.copyOf(entry.fills)));
        }
    }

    private static final class Entry {
        private EngineEvent state;
        private final List<EngineEvent> fills = new ArrayList<>();
    }
}

package io.ringbook.gateway.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the client sent for the orders most recently rejected over REST, by orderId, so
 * that a resend is compared with it and answered as the first was (an unknown symbol's
 * name is in it, not in the engine's events; an accepted order's events hold all of its
 * request, so none is kept for it). Bounded: only the newest {@value #KEPT} are kept, so
 * memory does not grow with the day's flow; a resend of an older order is compared with
 * the order as the engine first reported it. Written by the HTTP threads
 * that placed the orders, read by those that get a resend: one lock, held for a map
 * operation.
 */
final class PlacedRequests {

    static final int KEPT = 65_536;

    private final Map<Long, OrderRequests.NewOrder> requests = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, OrderRequests.NewOrder> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps the request of an order the engine rejected (its event lacks part of the request), for its resends. */
    synchronized void remember(long orderId, OrderRequests.NewOrder request) {
        requests.put(orderId, request);
    }

    /** The request a REST order was made from, if it was placed here and is still kept. */
    synchronized Optional<OrderRequests.NewOrder> of(long orderId) {
        return Optional.ofNullable(requests.get(orderId));
    }
}

package io.ringbook.gateway.rest;

import io.ringbook.engine.event.EngineEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * New-order requests published to the engine and not yet decided, per account and
 * clOrdId: after a 504 the order's fate is unknown to the client, and a query by
 * clOrdId must say "still in flight" (202 PENDING) rather than "never received" (404),
 * or a client following the contract's advice would place it twice. A request counts
 * from before it is published until the engine's decision arrives, however long after
 * the HTTP answer gave up waiting; the order read model has the order by then.
 */
final class PendingOrders {

    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    /**
     * Publishes through {@code submit} with the request counted in flight until the
     * engine decides (or refuses it, e.g. a full ring).
     *
     * @return the decision, as a future of its own: timing it out leaves the count alone
     */
    CompletableFuture<List<EngineEvent>> track(int account, String clOrdId, Supplier<CompletableFuture<List<EngineEvent>>> submit) {
        String key = key(account, clOrdId);
        inFlight.merge(key, 1, Integer::sum);
        CompletableFuture<List<EngineEvent>> decided;
        try {
            decided = submit.get();
        } catch (RuntimeException refused) {
            release(key);
            throw refused;
        }
        return decided.whenComplete((events, failure) -> release(key));
    }

    boolean inFlight(int account, String clOrdId) {
        return inFlight.containsKey(key(account, clOrdId));
    }

    private void release(String key) {
        inFlight.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    private static String key(int account, String clOrdId) {
        return account + "\u0000" + clOrdId;
    }
}

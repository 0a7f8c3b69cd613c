package io.ringbook.engine.pipeline;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each waiting caller the events of its command: it collects copies of the
 * events carrying the caller's correlation id and completes the caller's future at the
 * command's last event. It runs on the outbound thread; the business logic never waits.
 */
final class ReplyRouter implements EngineListener {

    private final ConcurrentHashMap<Long, Waiting> waiting = new ConcurrentHashMap<>();

    CompletableFuture<List<EngineEvent>> expect(long correlationId) {
        Waiting entry = new Waiting();
        waiting.put(correlationId, entry);
        entry.future.whenComplete((events, failure) -> waiting.remove(correlationId));
        return entry.future;
    }

    void forget(long correlationId) {
        waiting.remove(correlationId);
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event.correlationId == 0) {
            return;
        }
        Waiting entry = waiting.get(event.correlationId);
        if (entry == null) {
            return;
        }
        entry.events.add(event.copy());
        if (event.lastOfCommand) {
            entry.future.complete(entry.events);
        }
    }

    private static final class Waiting {
        final List<EngineEvent> events = new ArrayList<>();
        final CompletableFuture<List<EngineEvent>> future = new CompletableFuture<>();
    }
}

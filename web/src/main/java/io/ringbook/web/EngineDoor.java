package io.ringbook.web;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.pipeline.CommandPublisher;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP API's way into the engine, which exists only once recovery is done: the APIs
 * listen from the start, and until the door opens every command is refused 503
 * {@code UNAVAILABLE} (with {@code Retry-After}). Set once, read by request threads.
 */
public final class EngineDoor {

    private volatile CommandPublisher publisher;

    public void open(CommandPublisher ready) {
        this.publisher = ready;
    }

    public boolean isOpen() {
        return publisher != null;
    }

    public CompletableFuture<List<EngineEvent>> submit(CommandPublisher.CommandWriter writer) {
        CommandPublisher door = publisher;
        if (door == null) {
            throw recovering();
        }
        return door.submit(writer);
    }

    /** Refuses any request while the engine is recovering. */
    public void requireOpen() {
        if (publisher == null) {
            throw recovering();
        }
    }

    private static ApiException recovering() {
        return new ApiException(503, "UNAVAILABLE", "the engine is recovering; retry");
    }
}

package io.ringbook.admin;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.web.ApiException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The admin API's way into the engine, which exists only once recovery is done: until
 * then every command is refused 503 and readiness is false. Set once, read by request
 * threads.
 */
final class EngineDoor {

    private volatile CommandPublisher publisher;

    void open(CommandPublisher ready) {
        this.publisher = ready;
    }

    boolean isOpen() {
        return publisher != null;
    }

    CompletableFuture<List<EngineEvent>> submit(CommandPublisher.CommandWriter writer) {
        CommandPublisher door = publisher;
        if (door == null) {
            throw new ApiException(503, "UNAVAILABLE", "the engine is recovering; retry");
        }
        return door.submit(writer);
    }
}

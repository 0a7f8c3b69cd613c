package io.ringbook.engine.pipeline;

/**
 * The command was not accepted, and nothing of it happened: the inbound ring is full
 * (retry), the engine has stopped deciding (its journal failed), or it is shutting
 * down: HTTP 503.
 */
public final class EngineBusyException extends RuntimeException {

    public EngineBusyException() {
        this("the engine's inbound ring is full");
    }

    public EngineBusyException(String reason) {
        super(reason, null, false, false);
    }
}

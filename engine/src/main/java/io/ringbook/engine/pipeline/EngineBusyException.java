package io.ringbook.engine.pipeline;

/** The inbound ring is full: the command was not accepted and the caller may retry (HTTP 503). */
public final class EngineBusyException extends RuntimeException {

    public EngineBusyException() {
        super("the engine's inbound ring is full", null, false, false);
    }
}

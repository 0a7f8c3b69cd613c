package io.ringbook.engine.pipeline;

/**
 * The command is longer than the way to the business logic carries (a cluster gateway's
 * messages to its nodes: an account's limits over very many symbols): it was not sent,
 * and nothing of it happened. HTTP 413 {@code PAYLOAD_TOO_LARGE}.
 */
public final class CommandTooLongException extends RuntimeException {

    public CommandTooLongException(String reason) {
        super(reason, null, false, false);
    }
}

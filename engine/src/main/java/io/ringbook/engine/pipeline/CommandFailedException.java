package io.ringbook.engine.pipeline;

import io.ringbook.engine.command.CommandType;

/**
 * A command the business logic threw on (a bug met by one command: a "poison" command).
 * It names the command's sequence, type and journal record in hex, so that the operator
 * can find it, report it and quarantine it ({@code ringbook journal quarantine}): it is
 * already journaled, so without that every restart would replay it and fail again.
 */
public final class CommandFailedException extends RuntimeException {

    private final long sequence;
    private final CommandType type;
    private final String recordHex;

    public CommandFailedException(long sequence, CommandType type, String recordHex, Throwable failure) {
        super("command " + sequence + " (" + type + ") failed in the business logic: " + failure
                + "; its journal record: " + recordHex + "; if every start fails on it, quarantine it with"
                + " `ringbook journal quarantine --data DIR --seq " + sequence + " --reason TEXT`", failure);
        this.sequence = sequence;
        this.type = type;
        this.recordHex = recordHex;
    }

    public long sequence() {
        return sequence;
    }

    public CommandType type() {
        return type;
    }

    /** The command's journal record, bytes in hex separated by spaces. */
    public String recordHex() {
        return recordHex;
    }
}

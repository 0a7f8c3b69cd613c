package io.ringbook.engine.pipeline;

import io.ringbook.engine.command.Command;

/**
 * Where the decision thread writes each command before deciding it. Appends are
 * buffered and made durable per batch at {@link #endOfBatch()}, which runs before any
 * command of the batch is decided: nothing is decided that was not journaled. The
 * journal module implements it; {@link #NONE} runs the engine without one.
 */
public interface JournalStage {

    JournalStage NONE = new JournalStage() {
        @Override
        public void append(Command command) {
        }

        @Override
        public void endOfBatch() {
        }
    };

    void append(Command command);

    void endOfBatch();

    /** The command's journal record in hex, for the report of a command the logic failed on; empty without a journal. */
    default String recordHex(Command command) {
        return "";
    }
}

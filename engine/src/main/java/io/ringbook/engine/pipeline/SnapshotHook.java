package io.ringbook.engine.pipeline;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.logic.BusinessLogic;

/**
 * Called on the decision thread right after a {@code SNAPSHOT} command is decided, so the
 * state it sees is exactly the state at that command's sequence. It should copy the
 * state into memory and leave the file to another thread. Replay and backtests have no
 * hook, so replaying a snapshot command writes no file.
 */
@FunctionalInterface
public interface SnapshotHook {

    SnapshotHook NONE = (logic, command) -> {
    };

    void onSnapshot(BusinessLogic logic, Command command);
}

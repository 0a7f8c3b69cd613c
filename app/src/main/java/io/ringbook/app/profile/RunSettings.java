package io.ringbook.app.profile;

import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.journal.Durability;
import io.ringbook.journal.backup.BackupRotation;

import java.nio.file.Path;

/**
 * How the engine runs, as opposed to what it trades: none of this is journaled, so it
 * may change between restarts.
 *
 * @param waitStrategy         how the business-logic thread waits for commands
 * @param snapshotEverySeconds periodic snapshots, 0 for none
 * @param durability           what a journaled batch survives before it is decided
 * @param backupTo             where the engine backs itself up, or null for no backups
 * @param backupEveryMinutes   how often it does
 * @param backupRotation       daily sets kept like tapes under {@code backupTo}, or null for one incremental set there
 */
public record RunSettings(WaitStrategyKind waitStrategy, long snapshotEverySeconds, Durability durability, Path backupTo,
                          long backupEveryMinutes, BackupRotation backupRotation) {

    /** Blocking wait (kind to the other threads on a small machine), a snapshot every 10 min, process-crash durability, no backups. */
    public static final RunSettings DEFAULTS = new RunSettings(WaitStrategyKind.BLOCKING, 600, Durability.PROCESS_CRASH, null, 60, null);

    public RunSettings {
        if (snapshotEverySeconds < 0 || backupEveryMinutes <= 0) {
            throw new IllegalArgumentException("snapshot and backup intervals must not be negative");
        }
    }
}

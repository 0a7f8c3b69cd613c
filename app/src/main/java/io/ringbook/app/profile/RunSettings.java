package io.ringbook.app.profile;

import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.journal.Durability;

/**
 * How the engine runs, as opposed to what it trades: none of this is journaled, so it
 * may change between restarts.
 *
 * @param waitStrategy         how the business-logic thread waits for commands
 * @param outboundWait         how the outbound thread waits for events
 * @param snapshotEverySeconds periodic snapshots, 0 for none
 * @param durability           what a journaled batch survives before it is decided
 * @param backup               when and where the engine backs itself up, or null for no backups
 * @param diskReserveMb        free space the journal's disk keeps: below it new commands are refused
 */
public record RunSettings(WaitStrategyKind waitStrategy, WaitStrategyKind outboundWait, long snapshotEverySeconds, Durability durability,
                          BackupPlan backup, long diskReserveMb) {

    /** 256 MiB: three of Chronicle's 80 MiB mapped chunks, and minutes of journal at full load. */
    public static final long DEFAULT_DISK_RESERVE_MB = 256;

    /** Blocking waits (kind to the other threads on a small machine), a snapshot every 10 min, process-crash durability, no backups. */
    public static final RunSettings DEFAULTS = new RunSettings(WaitStrategyKind.BLOCKING, WaitStrategyKind.BLOCKING, 600,
            Durability.PROCESS_CRASH, null, DEFAULT_DISK_RESERVE_MB);

    public RunSettings {
        if (snapshotEverySeconds < 0) {
            throw new IllegalArgumentException("the snapshot interval must not be negative");
        }
        if (diskReserveMb < 0) {
            throw new IllegalArgumentException("the disk reserve must not be negative");
        }
    }
}

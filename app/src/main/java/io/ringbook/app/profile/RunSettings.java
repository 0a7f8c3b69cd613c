package io.ringbook.app.profile;

import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.journal.Durability;

/**
 * How the engine runs, as opposed to what it trades: none of this is journaled, so it
 * may change between restarts.
 *
 * @param waitStrategy         how the business-logic thread waits for commands; null: chosen from the cores at start
 * @param outboundWait         how the outbound thread waits for events; null: chosen from the cores at start
 * @param snapshotEverySeconds periodic snapshots, 0 for none
 * @param durability           what a journaled batch survives before it is decided
 * @param backup               when and where the engine backs itself up, or null for no backups
 * @param clOrdIdsPerDay       clOrdIds a trading day is expected to use: the logic's day index is
 *                             built for them up front (about 60 bytes each: ids of up to 16 characters) and
 *                             grows in small steps beyond
 * @param diskReserveMb        free space the journal's disk keeps: below it new commands are refused
 * @param outputJournalThread  the output journal on a thread of its own or following the edges on the
 *                             outbound thread; null: chosen from the cores at start
 */
public record RunSettings(WaitStrategyKind waitStrategy, WaitStrategyKind outboundWait, long snapshotEverySeconds, Durability durability,
                          BackupPlan backup, int clOrdIdsPerDay, long diskReserveMb,
                          OutputJournalThread outputJournalThread) {

    /** 256 MiB: three of Chronicle's 80 MiB mapped chunks, and minutes of journal at full load. */
    public static final long DEFAULT_DISK_RESERVE_MB = 256;

    /**
     * Wait strategies and the output journal's thread chosen from the machine's cores at start, a snapshot every 10 min,
     * process-crash durability, no backups, 1M clOrdIds a day, a 256 MiB disk reserve.
     */
    public static final RunSettings DEFAULTS = new RunSettings(null, null, 600, Durability.PROCESS_CRASH, null, 1_000_000,
            DEFAULT_DISK_RESERVE_MB, null);

    public RunSettings {
        if (snapshotEverySeconds < 0) {
            throw new IllegalArgumentException("the snapshot interval must not be negative");
        }
        if (clOrdIdsPerDay < 1) {
            throw new IllegalArgumentException("the expected clOrdIds per day must be positive");
        }
        if (diskReserveMb < 0) {
            throw new IllegalArgumentException("the disk reserve must not be negative");
        }
    }
}

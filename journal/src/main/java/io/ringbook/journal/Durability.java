package io.ringbook.journal;

import net.openhft.chronicle.bytes.SyncMode;

import java.util.Locale;

/**
 * What a journaled batch survives before any of its commands is decided.
 * <ul>
 *   <li>{@link #PROCESS_CRASH} (default): the batch is in the memory-mapped queue file,
 *   i.e. in the OS page cache. It survives the JVM dying (kill -9, OOM); a power loss or
 *   kernel crash may lose what the OS had not yet written back (seconds).</li>
 *   <li>{@link #POWER_LOSS}: the queue msyncs each appended batch to the device before
 *   returning, so an acknowledged command survives a power loss too, at the price of a
 *   device flush per batch (milliseconds on many disks; see README for figures).</li>
 * </ul>
 */
public enum Durability {
    PROCESS_CRASH(SyncMode.NONE),
    POWER_LOSS(SyncMode.SYNC);

    private final SyncMode syncMode;

    Durability(SyncMode syncMode) {
        this.syncMode = syncMode;
    }

    SyncMode syncMode() {
        return syncMode;
    }

    public static Durability parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

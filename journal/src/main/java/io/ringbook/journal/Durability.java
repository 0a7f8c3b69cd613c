package io.ringbook.journal;

import java.util.Locale;

/**
 * What a journaled batch survives before any of its commands is decided.
 * <ul>
 *   <li>{@link #PROCESS_CRASH} (default): the batch is in the memory-mapped queue file,
 *   i.e. in the OS page cache. It survives the JVM dying (kill -9, OOM); a power loss or
 *   kernel crash may lose what the OS had not yet written back (seconds).</li>
 *   <li>{@link #POWER_LOSS}: each appended input batch (and each start-up record) is
 *   written to the device, an {@code fdatasync} of the queue's cycle file
 *   ({@link DeviceSync}), before any of its commands is decided, so an acknowledged
 *   command survives a power loss too, at the price of a device flush per batch
 *   (docs/JOURNAL.md has the figures). {@code ExcerptAppender.sync()} is not enough: under
 *   Chronicle's default sync mode it is an {@code msync(MS_ASYNC)}, which writes
 *   nothing.</li>
 * </ul>
 */
public enum Durability {
    PROCESS_CRASH,
    POWER_LOSS;

    public static Durability parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

package io.ringbook.journal;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;

/**
 * The two Chronicle Queues of a data directory: {@code journal/input} (every command, in
 * decision order, preceded by each run's configuration) and {@code journal/output}
 * (every event). Both roll daily. Appenders and tailers are made on the thread that
 * uses them, as Chronicle Queue requires.
 */
public final class Journal implements AutoCloseable {

    private final Path directory;
    private final Durability durability;
    private final SingleChronicleQueue input;
    private final SingleChronicleQueue output;

    private Journal(Path directory, Durability durability, boolean readOnly, TimeProvider clock) {
        this.directory = directory;
        this.durability = durability;
        this.input = open(directory.resolve("input"), readOnly, clock);
        this.output = open(directory.resolve("output"), readOnly, clock);
    }

    /** Opens (creating if needed) the journal under {@code dataDir/journal}. */
    public static Journal open(Path dataDir, Durability durability) {
        return new Journal(dataDir.resolve("journal"), durability, false, SystemTimeProvider.INSTANCE);
    }

    /** Opens an existing journal for reading only (replay, audits, backtests). */
    public static Journal openReadOnly(Path dataDir) {
        return new Journal(dataDir.resolve("journal"), Durability.PROCESS_CRASH, true, SystemTimeProvider.INSTANCE);
    }

    /** Opens with the clock that decides which daily cycle file a write goes to: for tests of retention across days. */
    static Journal open(Path dataDir, Durability durability, TimeProvider cycleClock) {
        return new Journal(dataDir.resolve("journal"), durability, false, cycleClock);
    }

    /** The day (epoch day, UTC) of the cycle file an excerpt's queue index is in. */
    public static long dayOf(long index) {
        return RollCycles.FAST_DAILY.toCycle(index);
    }

    public Path directory() {
        return directory;
    }

    public Durability durability() {
        return durability;
    }

    public ChronicleQueue input() {
        return input;
    }

    public ChronicleQueue output() {
        return output;
    }

    @Override
    public void close() {
        input.close();
        output.close();
    }

    private static SingleChronicleQueue open(Path path, boolean readOnly, TimeProvider clock) {
        return ChronicleQueue.singleBuilder(path)
                .rollCycle(RollCycles.FAST_DAILY)
                .timeProvider(clock)
                .readOnly(readOnly)
                .build();
    }
}

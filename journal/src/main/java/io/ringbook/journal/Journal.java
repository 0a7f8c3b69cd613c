package io.ringbook.journal;

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

    private Journal(Path directory, Durability durability, boolean readOnly) {
        this.directory = directory;
        this.durability = durability;
        this.input = open(directory.resolve("input"), readOnly);
        this.output = open(directory.resolve("output"), readOnly);
    }

    /** Opens (creating if needed) the journal under {@code dataDir/journal}. */
    public static Journal open(Path dataDir, Durability durability) {
        return new Journal(dataDir.resolve("journal"), durability, false);
    }

    /** Opens an existing journal for reading only (replay, audits, backtests). */
    public static Journal openReadOnly(Path dataDir) {
        return new Journal(dataDir.resolve("journal"), Durability.PROCESS_CRASH, true);
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

    private static SingleChronicleQueue open(Path path, boolean readOnly) {
        return ChronicleQueue.singleBuilder(path)
                .rollCycle(RollCycles.FAST_DAILY)
                .readOnly(readOnly)
                .build();
    }
}

package io.ringbook.perf;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A journal in a fresh data directory under {@code base} (disk or tmpfs), starting with
 * the demo configuration so that {@code ringbook replay} can read it; deleted again on
 * close unless kept.
 */
final class BenchJournal implements AutoCloseable {

    private final Path directory;
    private final Journal journal;
    private final boolean keep;

    BenchJournal(Path base, Durability durability, boolean keep) {
        try {
            Files.createDirectories(base);
            directory = Files.createTempDirectory(base, "ringbook-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.keep = keep;
        journal = Journal.open(directory, durability);
        new InputJournal(journal).recordConfiguration(new ReferenceData(DemoMarket.symbols(),
                new AccountTable(List.of("T1", "T2", "T3", "T4"))), 0, 0);
    }

    BenchJournal(Path base) {
        this(base, Durability.PROCESS_CRASH, false);
    }

    Path directory() {
        return directory;
    }

    Journal journal() {
        return journal;
    }

    @Override
    public void close() {
        journal.close();
        if (keep) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

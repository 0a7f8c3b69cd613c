package io.ringbook.perf;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    /** @param data what the bench runs, recorded as the journal's configuration so that a kept journal replays */
    BenchJournal(Path base, Durability durability, boolean keep, ReferenceData data) {
        try {
            Files.createDirectories(base);
            directory = Files.createTempDirectory(base, "ringbook-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.keep = keep;
        journal = Journal.open(directory, durability);
        new InputJournal(journal).recordConfiguration(data, 0, 0);
    }

    BenchJournal(Path base) {
        this(base, Durability.PROCESS_CRASH, false, BenchRisk.NONE.referenceData());
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

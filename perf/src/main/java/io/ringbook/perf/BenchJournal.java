package io.ringbook.perf;

import io.ringbook.journal.Durability;
import io.ringbook.journal.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A journal in a fresh directory under {@code base} (disk or tmpfs), deleted again on close. */
final class BenchJournal implements AutoCloseable {

    private final Path directory;
    private final Journal journal;

    BenchJournal(Path base) {
        try {
            Files.createDirectories(base);
            directory = Files.createTempDirectory(base, "ringbook-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        journal = Journal.open(directory, Durability.PROCESS_CRASH);
    }

    Journal journal() {
        return journal;
    }

    @Override
    public void close() {
        journal.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

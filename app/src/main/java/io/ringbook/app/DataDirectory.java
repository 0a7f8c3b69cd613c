package io.ringbook.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * What the commands may assume about a data directory before they touch it. Read-only
 * commands ({@code replay}, {@code journal}, {@code backtest --data}) need one that holds
 * a journal, and are refused before anything is opened (so they never create a folder);
 * {@code start --fresh} moves a used directory aside rather than deleting it.
 */
final class DataDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DataDirectory() {
    }

    /** Refuses a directory that does not exist or holds no input journal yet. */
    static void requireJournal(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new CommandLineError(dataDir + " does not exist; --data takes the data directory of a started engine");
        }
        if (!hasFiles(dataDir.resolve("journal").resolve("input"))) {
            throw new CommandLineError(dataDir + " holds no journal (expected journal/input in it); "
                    + "--data takes the data directory of a started engine");
        }
    }

    /**
     * Moves a non-empty directory to a sibling {@code NAME.old-<UTC time>} and returns
     * where it went; null if there was nothing to move.
     */
    static Path moveAside(Path dataDir, Instant now) {
        if (!hasFiles(dataDir)) {
            return null;
        }
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".old-" + STAMP.format(now));
        for (int n = 2; Files.exists(aside); n++) {
            aside = dataDir.resolveSibling(dataDir.getFileName() + ".old-" + STAMP.format(now) + "-" + n);
        }
        try {
            return Files.move(dataDir, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + dataDir + " aside to " + aside, e);
        }
    }

    /** A sibling directory name not yet in use ({@code data-2}, {@code data-3}, ...), to suggest for a new start. */
    static Path unused(Path dataDir) {
        Path candidate = dataDir;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dataDir.resolveSibling(dataDir.getFileName() + "-" + n);
        }
        return candidate;
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}

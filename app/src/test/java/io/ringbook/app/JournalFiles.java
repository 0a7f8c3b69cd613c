package io.ringbook.app;

import io.ringbook.engine.testing.FileBytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Journal files for tests that damage them ({@link FileBytes}): the queue file, the batches' magic, where the last batch begins. */
final class JournalFiles {

    static final byte[] MAGIC = "RBJ1".getBytes(StandardCharsets.US_ASCII);

    private JournalFiles() {
    }

    static Path queueFile(Path queueDir) throws IOException {
        try (Stream<Path> files = Files.list(queueDir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** Where the last batch of the file begins. */
    static long lastBatch(Path file) throws IOException {
        return FileBytes.lastIndexOf(file, MAGIC);
    }
}

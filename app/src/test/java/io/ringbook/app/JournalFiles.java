package io.ringbook.app;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Journal files as bytes, for tests that damage them: the queue file, where batches begin, a byte flipped. */
final class JournalFiles {

    static final byte[] MAGIC = "RBJ1".getBytes(StandardCharsets.US_ASCII);

    private JournalFiles() {
    }

    static Path queueFile(Path queueDir) throws IOException {
        try (Stream<Path> files = Files.list(queueDir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    static long firstIndexOf(Path file, byte[] pattern) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            int j = 0;
            while (j < pattern.length && bytes[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        throw new IllegalStateException("no " + new String(pattern, StandardCharsets.US_ASCII) + " in " + file);
    }

    static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x5A);
        }
    }

    /** Where the last batch of the file begins. */
    static long lastBatch(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length - MAGIC.length; i >= 0; i--) {
            if (bytes[i] == MAGIC[0] && bytes[i + 1] == MAGIC[1] && bytes[i + 2] == MAGIC[2] && bytes[i + 3] == MAGIC[3]) {
                return i;
            }
        }
        throw new IllegalStateException("no batch in " + file);
    }

    static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}

package io.ringbook.engine.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file as bytes, for tests that damage journals, snapshots or backups on disk: where a
 * pattern (a batch's magic) stands, a byte flipped, a file cut short.
 */
public final class FileBytes {

    private FileBytes() {
    }

    /** Where {@code pattern} first stands in the file. */
    public static long firstIndexOf(Path file, byte[] pattern) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (matches(bytes, i, pattern)) {
                return i;
            }
        }
        throw new AssertionError("no " + new String(pattern, StandardCharsets.US_ASCII) + " in " + file);
    }

    /** Where {@code pattern} last stands in the file. */
    public static long lastIndexOf(Path file, byte[] pattern) throws IOException {
        return lastIndexOf(file, pattern, Long.MAX_VALUE);
    }

    /** The last place {@code pattern} stands that begins at or before {@code before}. */
    public static long lastIndexOf(Path file, byte[] pattern, long before) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = (int) Math.min(bytes.length - pattern.length, before); i >= 0; i--) {
            if (matches(bytes, i, pattern)) {
                return i;
            }
        }
        throw new AssertionError("no " + new String(pattern, StandardCharsets.US_ASCII) + " in " + file);
    }

    /** Changes the byte at {@code position} (four of its bits). */
    public static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x5A);
        }
    }

    /** Cuts the file to {@code length} bytes. */
    public static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private static boolean matches(byte[] bytes, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (bytes[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }
}

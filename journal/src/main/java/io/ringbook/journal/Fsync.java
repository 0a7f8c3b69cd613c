package io.ringbook.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file, or a directory's entries, to the storage device: what was written
 * through any handle of the file (or created, renamed or deleted in the directory)
 * survives a power loss once these return.
 */
public final class Fsync {

    private Fsync() {
    }

    /** An fsync of the file's data and metadata. */
    public static void file(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** An fsync of a directory, so that files created or renamed in it survive too. */
    public static void directory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

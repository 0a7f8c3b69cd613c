package io.ringbook.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The usable space of the disk the journal is on, as {@link DiskReserve} reads it: the
 * file store's in production; a test gives a small disk of its own (a real tiny
 * filesystem needs root to mount).
 */
@FunctionalInterface
public interface DiskSpace {

    long usableBytes() throws IOException;

    /** The file store holding {@code directory}. */
    static DiskSpace of(Path directory) {
        try {
            FileStore store = Files.getFileStore(directory);
            return store::getUsableSpace;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the free space of " + directory, e);
        }
    }
}

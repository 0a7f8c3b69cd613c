package io.ringbook.journal;

import net.openhft.chronicle.queue.ExcerptAppender;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Makes what an appender has written reach the storage device, for power-loss
 * durability: an {@code fdatasync} of the queue's current cycle file (excerpts, index and
 * header pages alike, written through the mapping or not), and when the appender has
 * moved on to a new cycle file, one more of the file it left and an {@code fsync} of the
 * queue directory, so that the new file's name survives too. Chronicle's own
 * {@code ExcerptAppender.sync()} is an {@code msync(MS_ASYNC)} under its default sync
 * mode, which on Linux returns without writing anything. Used by one thread at a time.
 */
final class DeviceSync implements AutoCloseable {

    private File file;
    private FileChannel channel;

    /** Returns once everything the appender has written is on the device; fails with an {@link UncheckedIOException}. */
    void sync(ExcerptAppender appender) {
        File current = appender.currentFile();
        try {
            if (!current.equals(file)) {
                moveTo(current);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the journal file " + current + " to the device", e);
        }
    }

    private void moveTo(File current) throws IOException {
        close(true);
        channel = FileChannel.open(current.toPath(), StandardOpenOption.WRITE);
        file = current;
        Fsync.directory(current.toPath().toAbsolutePath().getParent());
    }

    private void close(boolean forceFirst) throws IOException {
        if (channel == null) {
            return;
        }
        try (FileChannel closing = channel) {
            channel = null;
            if (forceFirst) {
                closing.force(false);
            }
        }
    }

    @Override
    public void close() {
        try {
            close(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

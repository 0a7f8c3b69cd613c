package io.ringbook.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where recovery journals the events it regenerates (of commands missing from the
 * output journal) while it replays: a scratch queue, {@code journal/catch-up}, moved
 * into the output journal excerpt by excerpt only once recovery has succeeded. So a
 * start that fails writes nothing to the output journal, and no later attempt can
 * journal an event twice. A scratch queue left by a crash is deleted when the next
 * recovery opens its own.
 */
final class CatchUpOutput implements AutoCloseable {

    private final Path directory;
    private final ChronicleQueue queue;

    CatchUpOutput(Journal journal) {
        this.directory = journal.directory().resolve("catch-up");
        deleteQueue();
        this.queue = Journal.openQueue(directory);
    }

    /** The scratch queue, for an {@link OutputJournal}. */
    ChronicleQueue queue() {
        return queue;
    }

    /** Appends every excerpt of the scratch queue to {@code journal}'s output queue, as they are. */
    void moveTo(Journal journal) {
        try (ExcerptAppender output = journal.output().createAppender()) {
            Excerpts.read(queue, "catch-up queue", -1, (bytes, length, index, view) -> Excerpts.append(output, bytes, length));
        }
    }

    @Override
    public void close() {
        queue.close();
        deleteQueue();
    }

    private void deleteQueue() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch queue " + directory, e);
        }
    }
}

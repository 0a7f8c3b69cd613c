package io.ringbook.journal;

import net.openhft.chronicle.queue.ExcerptAppender;

import java.nio.file.Path;

/**
 * Data directories as a power cut (or an old retention) can leave them, built from a
 * real journal by copying only some of its records: under process-crash durability the
 * output journal's pages were written back and the input journal's last ones were not;
 * or the journal's head is gone.
 */
public final class LostPages {

    private LostPages() {
    }

    /**
     * Copies {@code from}'s journal into {@code to} from sequence {@code first} on, and
     * its snapshots: a journal whose head (its CONFIG record included) is gone, as
     * retention used to leave it.
     */
    public static void headLostBefore(Path from, Path to, long first) throws java.io.IOException {
        try (Journal source = Journal.openReadOnly(from);
             Journal target = Journal.open(to, Durability.PROCESS_CRASH);
             ExcerptAppender input = target.input().createAppender();
             ExcerptAppender output = target.output().createAppender()) {
            Excerpts.read(source.input(), "input journal", -1, (bytes, length, index, view) ->
                    Excerpts.appendKept(input, view, sequence -> sequence >= first));
            Excerpts.read(source.output(), "output journal", -1, (bytes, length, index, view) ->
                    Excerpts.appendKept(output, view, sequence -> sequence >= first));
        }
        java.nio.file.Files.createDirectories(to.resolve("snapshots"));
        for (SnapshotStore.Snapshot snapshot : new SnapshotStore(from).newestFirst()) {
            java.nio.file.Files.copy(snapshot.file(), to.resolve("snapshots").resolve(snapshot.file().getFileName()));
        }
    }

    /** Copies {@code from}'s journal into {@code to}, the input only through {@code lastInput}. */
    public static void inputLostAfter(Path from, Path to, long lastInput) {
        try (Journal source = Journal.openReadOnly(from);
             Journal target = Journal.open(to, Durability.PROCESS_CRASH);
             ExcerptAppender input = target.input().createAppender();
             ExcerptAppender output = target.output().createAppender()) {
            Excerpts.read(source.input(), "input journal", -1, (bytes, length, index, view) ->
                    Excerpts.appendKept(input, view, sequence -> sequence <= lastInput));
            Excerpts.read(source.output(), "output journal", -1, (bytes, length, index, view) ->
                    Excerpts.append(output, bytes, length));
        }
    }
}

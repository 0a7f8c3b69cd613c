package io.ringbook.journal;

import net.openhft.chronicle.queue.ExcerptAppender;

import java.nio.file.Path;

/**
 * A data directory as a power cut can leave it under process-crash durability: the
 * output journal's pages were written back, the input journal's last ones were not.
 * Built from a real journal by copying its input excerpts only through a sequence (the
 * excerpt that sequence cuts through is cut as well) and its output whole.
 */
public final class LostPages {

    private LostPages() {
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

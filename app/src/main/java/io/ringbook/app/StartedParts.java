package io.ringbook.app;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a start has started so far, to close in reverse should a later step fail: a start
 * that fails must leave no server listening, no thread running and no journal open.
 */
final class StartedParts {

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();

    /** Records a part just started; returns it. */
    <T extends AutoCloseable> T started(T part) {
        parts.push(part);
        return part;
    }

    /** Closes every part, the last started first, then rethrows {@code failure} (with what closing threw, suppressed). */
    RuntimeException closeAfter(RuntimeException failure) {
        throw closeEach(parts, failure);
    }

    /**
     * Closes every part in order, even those after one that fails: a part left open keeps a
     * port, a thread or the journal. Answers {@code failure} with what closing threw
     * suppressed, or, if {@code failure} is null, the first thing closing threw (the rest
     * suppressed), or null if nothing did.
     */
    static RuntimeException closeEach(Iterable<? extends AutoCloseable> parts, RuntimeException failure) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception closing) {
                if (failure == null) {
                    failure = closing instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(closing);
                } else {
                    failure.addSuppressed(closing);
                }
            }
        }
        return failure;
    }
}

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
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception closing) {
                failure.addSuppressed(closing);
            }
        }
        throw failure;
    }
}

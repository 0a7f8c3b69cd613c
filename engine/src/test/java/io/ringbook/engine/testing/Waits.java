package io.ringbook.engine.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounded waits for tests: a condition polled until it holds or a deadline passes, then a
 * failure saying what never happened. A test never sleeps a fixed time or waits without
 * a deadline.
 */
public final class Waits {

    private Waits() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} if it has not within {@code limit}. */
    public static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + " did not happen within " + limit.toMillis() + " ms");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}

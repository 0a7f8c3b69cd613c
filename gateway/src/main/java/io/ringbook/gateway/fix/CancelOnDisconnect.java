package io.ringbook.gateway.fix;

import io.ringbook.engine.pipeline.CommandPublisher;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a connection's cancel-on-disconnect so that it is never lost: when the ring
 * is full it is tried again on this class's own thread (after 1 ms, then doubling up to
 * 1 s) until the engine takes it, so no QuickFIX/J thread ever waits for the ring. Only
 * closing the gateway (the process stopping) ends the retries.
 */
final class CancelOnDisconnect implements AutoCloseable {

    private static final long FIRST_RETRY_MILLIS = 1;
    private static final long LAST_RETRY_MILLIS = 1_000;

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fix-cancel-on-disconnect");
        thread.setDaemon(true);
        return thread;
    });

    /** Cancels the account's FIX orders up to {@code connection} (its own and earlier ones'), now or once the ring has room. */
    void publish(CommandPublisher engine, int account, long connection) {
        attempt(engine, account, connection, FIRST_RETRY_MILLIS);
    }

    private void attempt(CommandPublisher engine, int account, long connection, long retryMillis) {
        if (!engine.tryPublish(c -> c.cancelOnDisconnect(account, connection)) && !retries.isShutdown()) {
            retries.schedule(() -> attempt(engine, account, connection, Math.min(2 * retryMillis, LAST_RETRY_MILLIS)),
                    retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}

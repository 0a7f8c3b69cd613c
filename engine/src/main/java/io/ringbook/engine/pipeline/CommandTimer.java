package io.ringbook.engine.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a command at a fixed period: the {@code CLOCK_TICK} that makes expiries and
 * timers fire in an idle engine (and, being journaled, fire identically in replay), and
 * the periodic {@code SNAPSHOT}. A command that finds the ring full is skipped; the
 * next one serves.
 */
final class CommandTimer implements AutoCloseable {

    private final ScheduledExecutorService timer;

    CommandTimer(String name, CommandPublisher publisher, long periodMillis, CommandPublisher.CommandWriter writer) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> publisher.tryPublish(writer), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

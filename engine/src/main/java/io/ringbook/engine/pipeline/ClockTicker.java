package io.ringbook.engine.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a {@code CLOCK_TICK} command at a fixed period, so that expiries and timers
 * fire in an idle engine too, and, being journaled, fire identically in replay. A tick
 * that finds the ring full is skipped; the next one carries the time forward.
 */
final class ClockTicker implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-clock");
        thread.setDaemon(true);
        return thread;
    });

    ClockTicker(CommandPublisher publisher, long periodMillis) {
        timer.scheduleAtFixedRate(() -> publisher.tryPublish(slot -> slot.clockTick()), periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

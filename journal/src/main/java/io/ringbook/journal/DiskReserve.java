package io.ringbook.journal;

import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.pipeline.CommandPublisher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the journal from filling its disk: an append that meets a full disk fails inside
 * Chronicle's mapped file, so the engine refuses new commands (503 UNAVAILABLE "disk
 * nearly full", FIX rejects) while the disk's free space is below a reserve, checked
 * every {@value #PERIOD_MILLIS} ms on a thread of its own, and takes them again once
 * space is freed. Commands that reduce exposure (cancels, mass cancels, the kill switch,
 * halts, new limits, amends that only lower a quantity) and clock ticks are still taken
 * while it holds (see {@code CommandPublisher.hold}).
 * Commands already taken are journaled into the reserve.
 */
public final class DiskReserve implements AutoCloseable {

    static final long PERIOD_MILLIS = 100;

    private final DiskSpace disk;
    private final Path directory;
    private final long reserveBytes;
    private final CommandPublisher publisher;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-disk-reserve");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long freeBytes;

    private DiskReserve(Path directory, DiskSpace disk, long reserveBytes, CommandPublisher publisher) {
        this.directory = directory;
        this.disk = disk;
        this.reserveBytes = reserveBytes;
        this.publisher = publisher;
    }

    /** Starts watching the disk of {@code journal}, whose free space {@code disk} reads: checks once now, then periodically. */
    public static DiskReserve watch(Journal journal, DiskSpace disk, long reserveBytes, CommandPublisher publisher) {
        DiskReserve reserve = new DiskReserve(journal.directory(), disk, reserveBytes, publisher);
        reserve.check();
        reserve.checks.scheduleWithFixedDelay(reserve::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return reserve;
    }

    private void check() {
        try {
            freeBytes = disk.usableBytes();
        } catch (IOException e) {
            freeBytes = 0;
        }
        publisher.hold(freeBytes < reserveBytes ? "disk nearly full: " + freeBytes / (1 << 20) + " MiB free on the journal's disk ("
                + directory + "), " + reserveBytes / (1 << 20) + " MiB kept in reserve; free space to take commands again" : null);
    }

    /** DOWN below the reserve (commands refused), DEGRADED below twice the reserve; free space and reserve in bytes. */
    public HealthComponent health() {
        return HealthComponent.of("journalDisk", true, () -> {
            long free = freeBytes;
            HealthStatus status = free < reserveBytes ? HealthStatus.DOWN
                    : free < 2 * reserveBytes ? HealthStatus.DEGRADED : HealthStatus.UP;
            return new HealthCheck(status, Map.of("freeBytes", free, "reserveBytes", reserveBytes,
                    "path", directory.toString()));
        });
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}

package io.ringbook.app;

import io.ringbook.journal.backup.Backup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Backups taken by the running engine itself, every so often, on a thread of their own
 * (never the business logic's): each run is the same incremental backup as
 * {@code ringbook backup}, so a missed or failed run is made up by the next.
 */
final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("ringbook.backup");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-backup");
        thread.setDaemon(true);
        return thread;
    });

    BackupSchedule(Path dataDir, Path destination, long everyMinutes, boolean compress) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                Backup.Result result = Backup.run(dataDir, destination, compress, RingbookCommand.version());
                LOG.info("backup to {}: {} segments, {} excerpts, {} bytes", destination, result.segments(), result.excerpts(),
                        result.bytes());
            } catch (Exception failed) {
                LOG.error("backup to {} failed; the next run will try again: {}", destination, failed.toString());
            }
        }, everyMinutes, everyMinutes, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

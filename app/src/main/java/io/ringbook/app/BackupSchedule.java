package io.ringbook.app;

import io.ringbook.app.profile.BackupPlan;
import io.ringbook.journal.backup.Backup;
import io.ringbook.journal.backup.BackupRotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Backups taken by the running engine itself, every so often, on a thread of their own
 * (never the business logic's): each run is the same incremental backup as
 * {@code ringbook backup}, so a missed or failed run is made up by the next. With a
 * rotation, each UTC day's runs go to that day's set and old sets are pruned. A run
 * that overlaps the next (a slow disk) delays it rather than running twice at once.
 */
final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("ringbook.backup");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-backup");
        thread.setDaemon(true);
        return thread;
    });

    BackupSchedule(Path dataDir, BackupPlan plan) {
        Path destination = plan.to().toAbsolutePath().normalize();
        BackupRotation rotation = plan.rotation();
        timer.scheduleAtFixedRate(() -> {
            try {
                Backup.Result result = rotation == null ? Backup.run(dataDir, destination, true, RingbookCommand.version())
                        : rotation.run(dataDir, destination, LocalDate.now(ZoneOffset.UTC), true, RingbookCommand.version());
                LOG.info("backup to {}: {} segments, {} excerpts, {} bytes", destination, result.segments(), result.excerpts(),
                        result.bytes());
            } catch (Exception failed) {
                LOG.error("backup to {} failed; the next run will try again: {}", destination, failed.toString());
            }
        }, plan.firstDelayMillis(Instant.now()), plan.periodMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.BackupPlan;
import io.ringbook.app.profile.ConfigException;
import io.ringbook.journal.backup.BackupRotation;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;

/**
 * The running engine's own backups on the command line ({@code --backup-to},
 * {@code --backup-every}, {@code --backup-at}, {@code --backup-keep-daily},
 * {@code --backup-keep-weekly}): one definition, and how they override the profile's
 * {@code backup} section.
 */
final class BackupScheduleOptions {

    @Option(names = "--backup-to", paramLabel = "DEST", description = "Back up the journal to DEST while running (see --backup-every).")
    Path to;

    @Option(names = "--backup-every", paramLabel = "MINUTES", description = "Minutes between the running engine's own backups to --backup-to (default: 60).")
    Long everyMinutes;

    @Option(names = "--backup-at", paramLabel = "HH:MM", description = "Back up once a day at this UTC time instead of every --backup-every minutes.")
    LocalTime dailyAt;

    @Option(names = "--backup-keep-daily", paramLabel = "N",
            description = "Back up into one set per UTC day under --backup-to (DEST/daily/YYYY-MM-DD) and keep the newest N.")
    Integer keepDaily;

    @Option(names = "--backup-keep-weekly", paramLabel = "M",
            description = "With --backup-keep-daily: also keep the newest set of each of the newest M ISO weeks (default: 0).")
    Integer keepWeekly;

    /** The file's backup plan with these options in place of its settings; null for none. */
    BackupPlan over(BackupPlan file) {
        BackupRotation rotation;
        try {
            rotation = BackupRotation.of(keepDaily, keepWeekly);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--backup-" + e.getMessage().replace("; keep-", "; --backup-keep-"));
        }
        Path target = to != null ? to : file == null ? null : file.to();
        if (target == null) {
            if (everyMinutes != null || dailyAt != null || rotation != null) {
                throw new ConfigException("--backup-every, --backup-at and --backup-keep-* need --backup-to (or backup.to in the file)");
            }
            return null;
        }
        if (!Files.isDirectory(target)) {
            throw new ConfigException("backup target " + target.toAbsolutePath().normalize() + " does not exist (or is not a directory): "
                    + "create or mount it, or choose another with --backup-to (backup.to in the file)");
        }
        return new BackupPlan(target, everyMinutes != null ? everyMinutes : file == null ? BackupPlan.DEFAULT_MINUTES : file.everyMinutes(),
                dailyAt != null ? dailyAt : file == null ? null : file.dailyAt(),
                rotation != null ? rotation : file == null ? null : file.rotation());
    }
}

package io.ringbook.app.profile;

import io.ringbook.journal.backup.BackupRotation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When and where the running engine backs itself up: every so many minutes, or once a
 * day at a UTC time; into one incremental set, or into a set per day kept by a rotation.
 *
 * @param to           the backup directory
 * @param everyMinutes the interval, when {@code dailyAt} is null
 * @param dailyAt      the UTC time of the one run a day, or null
 * @param rotation     daily sets under {@code to}, or null for one incremental set there
 */
public record BackupPlan(Path to, long everyMinutes, LocalTime dailyAt, BackupRotation rotation) {

    /** Hourly, unless told otherwise. */
    public static final long DEFAULT_MINUTES = 60;
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public BackupPlan {
        if (to == null || everyMinutes <= 0) {
            throw new IllegalArgumentException("a backup plan needs a destination and a positive interval");
        }
    }

    /** Milliseconds from {@code now} to the first run: one interval, or until the next {@code dailyAt}. */
    public long firstDelayMillis(Instant now) {
        if (dailyAt == null) {
            return Duration.ofMinutes(everyMinutes).toMillis();
        }
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        ZonedDateTime next = utc.with(dailyAt).withNano(0);
        if (!next.isAfter(utc)) {
            next = next.plusDays(1);
        }
        return Duration.between(utc, next).toMillis();
    }

    /** Milliseconds between runs. */
    public long periodMillis() {
        return dailyAt == null ? Duration.ofMinutes(everyMinutes).toMillis() : DAY_MILLIS;
    }

    /** For the start banner. */
    public String describe() {
        return to.toAbsolutePath().normalize() + (dailyAt == null ? " every " + everyMinutes + " min" : " daily at " + dailyAt + " UTC")
                + " (incremental, gzip" + (rotation == null ? ")" : "; a set per UTC day under daily/, keeping "
                + rotation.keepDaily() + " daily and " + rotation.keepWeekly() + " weekly)");
    }
}

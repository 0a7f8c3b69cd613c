package io.ringbook.app.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackupPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-23T22:40:00Z");

    @Test
    void shouldRunDailyAtTheNextOccurrenceOfItsUtcTime() {
        BackupPlan nightly = new BackupPlan(Path.of("/b"), 60, LocalTime.of(2, 30), null);
        assertEquals(Duration.ofMinutes(3 * 60 + 50).toMillis(), nightly.firstDelayMillis(NOW), "tomorrow at 02:30");
        assertEquals(Duration.ofDays(1).toMillis(), nightly.periodMillis());
        BackupPlan lateEvening = new BackupPlan(Path.of("/b"), 60, LocalTime.of(23, 0), null);
        assertEquals(Duration.ofMinutes(20).toMillis(), lateEvening.firstDelayMillis(NOW), "today, still ahead");
        BackupPlan rightNow = new BackupPlan(Path.of("/b"), 60, LocalTime.of(22, 40), null);
        assertEquals(Duration.ofDays(1).toMillis(), rightNow.firstDelayMillis(NOW), "a time just reached waits a day");
    }

    @Test
    void shouldRunEverySoManyMinutesWithoutADailyTime() {
        BackupPlan hourly = new BackupPlan(Path.of("/b"), 15, null, null);
        assertEquals(Duration.ofMinutes(15).toMillis(), hourly.firstDelayMillis(NOW));
        assertEquals(Duration.ofMinutes(15).toMillis(), hourly.periodMillis());
    }
}

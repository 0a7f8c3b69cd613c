package io.ringbook.journal.backup;

import io.ringbook.journal.JournaledEngine;
import io.ringbook.engine.testing.BackupDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Daily sets kept like tapes: the newest N days, and the newest set of each of the newest M weeks. */
@ExtendWith(BackupDirs.PerTest.class)
class BackupRotationTest {

    @Test
    void shouldKeepTheNewestDaysAndTheLastSetOfTheNewestWeeks(BackupDirs dirs) throws Exception {
        Path base = dirs.backup();
        LocalDate first = LocalDate.parse("2026-10-01");
        for (int d = 0; d < 40; d++) {
            Files.createDirectories(BackupRotation.setFor(base, first.plusDays(d)).resolve("input"));
        }
        Files.createDirectories(base.resolve("daily/notes"));
        List<Path> deleted = new BackupRotation(3, 3).prune(base);

        // 2026-11-09 is the last day (a Monday): the newest three days are 11-07, 11-08 and 11-09; the newest
        // sets of the newest three ISO weeks are 11-09 (week 46), 11-08 (Sunday, week 45) and 11-01 (Sunday, week 44)
        assertEquals(List.of("2026-11-01", "2026-11-07", "2026-11-08", "2026-11-09", "notes"), remaining(base));
        assertEquals(36, deleted.size());

        List<Path> weekly = new BackupRotation(1, 3).prune(base);
        assertEquals(List.of("2026-11-07"), weekly.stream().map(p -> p.getFileName().toString()).toList(),
                "one day, plus the newest set of weeks 46, 45 and 44; 11-07 is none of them");
        assertEquals(List.of("2026-11-01", "2026-11-08", "2026-11-09", "notes"), remaining(base),
                "directories not named by a date are left alone");
        assertThrows(IllegalArgumentException.class, () -> new BackupRotation(0, 4));
    }

    @Test
    void eachDaysSetIsAWholeBackupThatVerifiesOnItsOwn(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path base = dirs.backup();
        BackupRotation rotation = new BackupRotation(1, 0);
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(3, 500);
            rotation.run(data, base, LocalDate.parse("2026-11-22"), true, "test");
            engine.run(4, 500);
            assertEquals(2, rotation.run(data, base, LocalDate.parse("2026-11-23"), true, "test").segments(),
                    "a new day's first run copies both queues whole");
        }
        assertEquals(List.of("2026-11-23"), remaining(base), "yesterday's set rotated out");
        BackupVerifier.Report report = BackupVerifier.verify(BackupRotation.setFor(base, LocalDate.parse("2026-11-23")));
        assertEquals(List.of(), report.problems());
        assertTrue(report.lastSequence() >= 1_000, "the whole journal, not just the day's part: " + report.lastSequence());
    }

    private static List<String> remaining(Path base) throws Exception {
        try (Stream<Path> sets = Files.list(base.resolve("daily"))) {
            return sets.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

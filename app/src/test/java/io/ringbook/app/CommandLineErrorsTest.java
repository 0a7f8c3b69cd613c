package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.ProfileFileTest;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Command-line mistakes as users make them: each ends with one line on stderr saying what
 * was wrong and what is accepted, exit code 2, no stack trace; read-only commands create
 * nothing on the way.
 */
class CommandLineErrorsTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameTheDifferingSettingsWhenStartingOnADataDirectoryOfAnotherConfiguration() {
        Path data = dir.resolve("data");
        var example = ProfileFile.read(ProfileFileTest.EXAMPLE, ProfileFileTest.ENVIRONMENT::get).withPorts(Ports.any());
        RunningEngine.start(example, data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH).close();

        Run start = run("start", "--data", data.toString(), "--rest-port", "0", "--admin-port", "0", "--fix-port", "0");
        assertEquals(2, start.exitCode, start.err);
        String line = start.oneLine();
        assertTrue(line.contains("made under another configuration"), line);
        assertTrue(line.contains("symbols (journal: BTC-USD, ACME") && line.contains("configured: BTC-USD, ETH-USD, TEST)"), line);
        assertTrue(line.contains("accounts (journal: FUND1, FUND2; configured: T1, T2, T3, T4)"), line);
        assertTrue(line.contains("--data " + dir.resolve("data-2")), "a new directory is suggested: " + line);
    }

    @Test
    void shouldRefuseToReplayOrListAMissingOrEmptyDataDirectoryAndCreateNothing() throws Exception {
        Path missing = dir.resolve("no-such-dir");
        for (String command : List.of("replay", "journal")) {
            Run refused = run(command, "--data", missing.toString());
            assertEquals(2, refused.exitCode, command);
            assertTrue(refused.oneLine().contains(missing + " does not exist"), refused.err);
            assertFalse(Files.exists(missing), command + " created nothing");
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (String command : List.of("replay", "journal")) {
            Run refused = run(command, "--data", empty.toString());
            assertEquals(2, refused.exitCode, command);
            assertTrue(refused.oneLine().contains("holds no journal"), refused.err);
            try (Stream<Path> inside = Files.list(empty)) {
                assertEquals(0, inside.count(), command + " created nothing in it");
            }
        }
        Run backtest = run("backtest", "--data", missing.toString(), "--report", dir.resolve("r.json").toString());
        assertEquals(2, backtest.exitCode);
        assertTrue(backtest.oneLine().contains("does not exist"), backtest.err);
        for (String[] operator : List.of(new String[] {"journal", "repair", "--data", missing.toString()},
                new String[] {"journal", "quarantine", "--data", missing.toString(), "--seq", "1", "--reason", "test"})) {
            Run refused = run(operator);
            assertEquals(2, refused.exitCode, String.join(" ", operator));
            assertTrue(refused.oneLine().contains(missing + " does not exist"), refused.err);
            assertFalse(Files.exists(missing), String.join(" ", operator) + " created nothing");
        }
    }

    @Test
    void shouldAnswerBadOptionValuesInOneLineSayingWhatIsAccepted() throws Exception {
        Path data = dir.resolve("data");
        RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any()).close();

        Run type = run("journal", "--data", data.toString(), "--type", "FILL");
        assertEquals(2, type.exitCode);
        assertTrue(type.oneLine().contains("--type FILL is not a journal record type; one of: ") && type.err.contains("ORDER_FILLED"), type.err);
        Run date = run("journal", "--data", data.toString(), "--from", "2026-11-30");
        assertEquals(2, date.exitCode);
        assertTrue(date.oneLine().contains("--from 2026-11-30 is not a time: give ISO-8601 UTC with a Z"), date.err);
        Run noZone = run("journal", "--data", data.toString(), "--to", "2026-11-30T10:00:00");
        assertEquals(2, noZone.exitCode);
        assertTrue(noZone.oneLine().contains("--to 2026-11-30T10:00:00 is not a time"), noZone.err);
        Run option = run("journal", "--data", data.toString(), "--tpye", "NEW_ORDER");
        assertEquals(2, option.exitCode);
        assertTrue(option.oneLine().contains("'--tpye'") && option.err.contains("ringbook journal --help"), option.err);

        Run thread = run("start", "--data", data.toString(), "--output-journal-thread", "shared");
        assertEquals(2, thread.exitCode);
        assertTrue(thread.oneLine().contains("--output-journal-thread shared: must be own or following, not 'shared'"), thread.err);
        Run wait = run("start", "--data", data.toString(), "--wait-strategy", "spin");
        assertEquals(2, wait.exitCode);
        assertTrue(wait.oneLine().contains("--wait-strategy spin is not a wait strategy; one of: busy-spin, yielding"), wait.err);
        Run warmUp = run("start", "--data", data.toString(), "--warm-up", "-1");
        assertEquals(2, warmUp.exitCode);
        assertTrue(warmUp.oneLine().contains("--warm-up must be 0 or more commands, not -1"), warmUp.err);

        Path backup = dir.resolve("backup");
        assertEquals(0, run("backup", "--data", data.toString(), "--to", backup.toString()).exitCode);
        Run restore = run("restore", "--from", backup.toString(), "--data", data.toString());
        assertEquals(2, restore.exitCode);
        assertTrue(restore.oneLine().contains("is not empty; restore only into a new or empty directory"), restore.err);
        Run restoreTime = run("restore", "--from", backup.toString(), "--data", dir.resolve("r").toString(), "--to-time", "yesterday");
        assertEquals(2, restoreTime.exitCode);
        assertTrue(restoreTime.oneLine().contains("--to-time yesterday is not a time"), restoreTime.err);
    }

    @Test
    void shouldRefuseABackupTargetThatDoesNotExistAtStart() {
        Path target = dir.resolve("not-mounted");
        Run start = run("start", "--data", dir.resolve("data").toString(), "--backup-to", target.toString(),
                "--rest-port", "0", "--admin-port", "0", "--fix-port", "0");
        assertEquals(2, start.exitCode, start.err);
        assertTrue(start.oneLine().contains("backup target " + target + " does not exist"), start.err);
        assertFalse(Files.exists(dir.resolve("data")), "refused before the engine started");
    }

    @Test
    void shouldListSeveralRecordTypesAndLeaveOutClockTicks() throws Exception {
        Path data = dir.resolve("data");
        RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS.withClockTickMillis(1), Durability.PROCESS_CRASH, Ports.any()).close();

        Run all = run("journal", "--data", data.toString());
        assertTrue(all.out.contains("\"type\":\"CLOCK_TICK\""), "ticks were journaled: " + all.out.lines().count() + " lines");
        Run withoutTicks = run("journal", "--data", data.toString(), "--exclude-type", "clock-tick");
        assertEquals(0, withoutTicks.exitCode, withoutTicks.err);
        assertFalse(withoutTicks.out.contains("CLOCK_TICK"));
        assertTrue(withoutTicks.out.contains("\"type\":\"CONFIG\""), withoutTicks.out);
        Run two = run("journal", "--data", data.toString(), "--type", "CONFIG,CLOCK_TICK", "--exclude-type", "CLOCK_TICK");
        assertEquals(0, two.exitCode, two.err);
        assertTrue(two.out.lines().allMatch(l -> l.contains("\"type\":\"CONFIG\"")), two.out);
        assertFalse(two.out.isEmpty());
    }

    private record Run(int exitCode, String out, String err) {
        /** The error output, checked to be one line without a stack trace. */
        String oneLine() {
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
            return err.strip();
        }
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            int code = RingbookCommand.run(args);
            return new Run(code, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

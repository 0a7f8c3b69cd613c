package io.ringbook.journal.backup;

import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.journal.DirtyPages;
import io.ringbook.journal.InputReplay;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.JournaledEngine;
import io.ringbook.journal.LostPages;
import io.ringbook.journal.ReplayVerifier;
import io.ringbook.engine.testing.BackupDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups of a real journal on disk: incremental runs, verification that names what is wrong, restores to a point. */
@ExtendWith(BackupDirs.PerTest.class)
class BackupTest {

    @Test
    void incrementalBackupsVerifyAndRestoreToAnySequenceWithTheStateOfTheOriginalThere(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = dirs.backup();
        long snapshot;
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(7, 2_000);
            assertEquals(2, Backup.run(data, backup, false, "test").segments());
            snapshot = engine.snapshot();
            engine.run(8, 2_000);
            Backup.Result second = Backup.run(data, backup, true, "test");
            assertEquals(2, second.segments());
            assertTrue(second.snapshot());
        }
        Backup.run(data, backup, false, "test");
        assertEquals(0, Backup.run(data, backup, false, "test").segments(), "nothing new, nothing copied");
        BackupVerifier.Report report = BackupVerifier.verify(backup);
        assertEquals(List.of(), report.problems());
        assertTrue(report.files() >= 5, "at least two segments per queue and a snapshot");

        for (long point : new long[]{snapshot - 10, snapshot, snapshot + 500, report.lastSequence()}) {
            Path restored = dirs.beside("restored-" + point);
            Restore.Result result = Restore.run(backup, restored, point, Long.MAX_VALUE);
            assertEquals(point, result.lastSequence());
            assertEquals(point >= snapshot ? Long.valueOf(snapshot) : null, result.snapshot());
            assertArrayEquals(stateAt(data, point), stateAt(restored, point), "the state at " + point);
            assertNull(ReplayVerifier.verify(restored, JournaledEngine::newLogic).firstDifference(), "a restored journal replays to itself");
            try (JournaledEngine started = new JournaledEngine(restored, true, 0)) {
                assertEquals(point, started.recovered.lastSequence(), "the restored directory starts where it ends");
            }
        }
    }

    @Test
    void verificationNamesADamagedMissingOrForeignFileAndRestoreRefusesIt(BackupDirs dirs) throws Exception {
        Path backup = backedUp(dirs, 3, 500);
        Manifest manifest = Manifest.read(backup);
        Map<String, String> output = manifest.segments("output").get(0);
        Path file = backup.resolve(output.get("file"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);
        List<String> problems = BackupVerifier.verify(backup).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(output.get("file")), problems.get(0));
        IOException refused = assertThrows(IOException.class, () -> Restore.run(backup, dirs.beside("new"), Long.MAX_VALUE, Long.MAX_VALUE));
        assertTrue(refused.getMessage().contains(output.get("file")));

        Files.delete(file);
        assertTrue(BackupVerifier.verify(backup).problems().get(0).endsWith("missing"));
        assertTrue(BackupVerifier.verify(dirs.beside("nothing")).problems().get(0).contains("no manifest.txt"));
        Files.writeString(backup.resolve(Manifest.FILE), "not a manifest\n");
        assertThrows(IOException.class, () -> BackupVerifier.verify(backup));
    }

    @Test
    void aFullRestoreCutsTheOutputAtTheInputsEnd(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path outputAhead = dirs.beside("output-ahead");
        Path backup = dirs.backup();
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(9, 1_000);
        }
        LostPages.inputLostAfter(data, outputAhead, 700);
        Backup.run(outputAhead, backup, false, "test");
        Path restored = dirs.beside("restored");
        Restore.Result result = Restore.run(backup, restored, Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals(700, result.lastSequence());
        try (Journal journal = Journal.openReadOnly(restored)) {
            assertEquals(700, JournalCursor.lastSequence(journal.output(), "output journal"), "no event of a command after 700");
        }
        assertNull(ReplayVerifier.verify(restored, JournaledEngine::newLogic).firstDifference(), "the restored directory replays to itself");
    }

    @Test
    void everyFileOfABackupIsOnTheDeviceWhenItReturns(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = dirs.backup();
        DirtyPages.assumeMeasurable(dirs.root());
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(11, 1_000);
            engine.snapshot();
            Backup.run(data, backup, false, "test");
        }
        try (Stream<Path> files = Files.list(backup)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertEquals(0, DirtyPages.ofFile(file), file + " waits in the page cache");
            }
        }
    }

    @Test
    void aSecondBackupOnTheSameDestinationIsRefusedWhileOneRuns(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = backedUp(dirs, 12, 300);
        String manifest = Files.readString(backup.resolve(Manifest.FILE));
        try (FileChannel running = FileChannel.open(backup.resolve(Backup.LOCK), StandardOpenOption.WRITE);
             FileLock held = running.lock()) {
            IOException refused = assertThrows(IOException.class, () -> Backup.run(data, backup, false, "test"));
            assertTrue(refused.getMessage().contains("another backup"), refused.getMessage());
        }
        assertEquals(manifest, Files.readString(backup.resolve(Manifest.FILE)), "the refused run wrote nothing");
        assertEquals(List.of(), BackupVerifier.verify(backup).problems());
    }

    @Test
    void aRestoreStartsOrIsRefusedWithTheReason(BackupDirs dirs) throws Exception {
        Path original = dirs.beside("original");
        Path headLost = dirs.beside("head-lost");
        Path backup = dirs.backup();
        long snapshot;
        try (JournaledEngine engine = new JournaledEngine(original, true, 0)) {
            engine.run(13, 500);
            snapshot = engine.snapshot();
            engine.run(14, 300);
        }
        LostPages.headLostBefore(original, headLost, 200);
        Backup.run(headLost, backup, false, "test");

        Path beforeTheSnapshot = dirs.beside("before");
        IOException refused = assertThrows(IOException.class, () -> Restore.run(backup, beforeTheSnapshot, snapshot - 50, Long.MAX_VALUE));
        assertTrue(refused.getMessage().contains("CONFIG") && refused.getMessage().contains(Long.toString(snapshot)), refused.getMessage());
        try (Stream<Path> left = Files.list(beforeTheSnapshot)) {
            assertEquals(0, left.count(), "a refused restore leaves the directory empty");
        }

        Path afterTheSnapshot = dirs.beside("after");
        Restore.Result restored = Restore.run(backup, afterTheSnapshot, snapshot + 100, Long.MAX_VALUE);
        assertEquals(snapshot, restored.snapshot());
        try (JournaledEngine started = new JournaledEngine(afterTheSnapshot, true, 0)) {
            assertEquals(snapshot + 100, started.recovered.lastSequence(), "it starts where the restore ended");
            started.run(15, 100);
        }
    }

    @Test
    void anIncrementalBackupRefusesAQueueThatNoLongerHoldsWhereTheLastOneLeftOff(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = backedUp(dirs, 16, 300);
        Path manifest = backup.resolve(Manifest.FILE);
        String text = Files.readString(manifest);
        String lastIndex = Manifest.read(backup).segments("input").get(0).get("lastIndex");
        Files.writeString(manifest, text.replaceFirst("lastIndex=" + lastIndex, "lastIndex=" + (Long.parseLong(lastIndex) + (1L << 40))));
        IOException refused = assertThrows(IOException.class, () -> Backup.run(data, backup, false, "test"));
        assertTrue(refused.getMessage().contains("no longer holds"), refused.getMessage());
        try (Stream<Path> files = Files.list(backup)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("input-000002")).count(),
                    "no segment copied from the queue's start again");
        }
    }

    @Test
    void damageAfterThePointDoesNotStopARestoreToThePoint(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = dirs.backup();
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(17, 400);
            Backup.run(data, backup, false, "test");
            engine.run(18, 400);
            Backup.run(data, backup, false, "test");
        }
        Manifest manifest = Manifest.read(backup);
        Map<String, String> first = manifest.segments("input").get(0);
        Path later = backup.resolve(manifest.segments("input").get(1).get("file"));
        byte[] bytes = Files.readAllBytes(later);
        bytes[bytes.length / 2] ^= 1;
        Files.write(later, bytes);

        long point = Long.parseLong(first.get("lastSequence")) - 10;
        Path restored = dirs.beside("restored");
        assertEquals(point, Restore.run(backup, restored, point, Long.MAX_VALUE).lastSequence(), "the damage lies after the point");
        try (JournaledEngine started = new JournaledEngine(restored, true, 0)) {
            assertEquals(point, started.recovered.lastSequence());
        }
        IOException refused = assertThrows(IOException.class, () -> Restore.run(backup, dirs.beside("all"), Long.MAX_VALUE, Long.MAX_VALUE));
        assertTrue(refused.getMessage().contains(later.getFileName().toString()), refused.getMessage());
    }

    @Test
    void restoreToATimeKeepsTheCommandsBeforeIt(BackupDirs dirs) throws Exception {
        Path backup = backedUp(dirs, 5, 300);
        Map<String, String> segment = Manifest.read(backup).segments("input").get(0);
        Restore.Result all = Restore.run(backup, dirs.beside("all"), Long.MAX_VALUE, Long.parseLong(segment.get("lastTime")) + 1);
        assertEquals(Long.parseLong(segment.get("lastSequence")), all.lastSequence());
        Restore.Result none = Restore.run(backup, dirs.beside("none"), Long.MAX_VALUE, Long.parseLong(segment.get("firstTime")));
        assertEquals(0, none.lastSequence(), "nothing was decided before the first command");
    }

    /** Journals {@code commands} random commands in the data directory, then backs it up once; answers the backup directory. */
    private static Path backedUp(BackupDirs dirs, long seed, int commands) throws Exception {
        try (JournaledEngine engine = new JournaledEngine(dirs.data(), true)) {
            engine.run(seed, commands);
        }
        Backup.run(dirs.data(), dirs.backup(), false, "test");
        return dirs.backup();
    }

    private static byte[] stateAt(Path data, long sequence) {
        try (Journal journal = Journal.openReadOnly(data)) {
            BusinessLogic logic = InputReplay.run(journal, d -> JournaledEngine.newLogic(d, new ListenerSink(e -> { })), 0, sequence).logic();
            StateBuffer state = new StateBuffer(1 << 16);
            logic.writeState(state);
            return java.util.Arrays.copyOf(state.array(), state.length());
        }
    }
}

package io.ringbook.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot must never outlive the journal it was taken from: the journal through it
 * reaches the device first, and recovery deletes a snapshot past the input's end and
 * checks the one it loads against the journal's record at its sequence.
 */
class SnapshotDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void theInputJournalThroughASnapshotIsOnTheDeviceBeforeTheSnapshotFileIs() throws Exception {
        Path data = dir.resolve("data");
        DirtyPages.assumeMeasurable(dir);
        // the probe counts every dirty page of the file; pre-touched pages (zeros ahead of the journal's end) are dirty by design
        System.setProperty(Journal.PRETOUCH_PROPERTY, "false");
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(61, 500);
            engine.snapshot();
            assertEquals(0, DirtyPages.ofQueue(data.resolve("journal/input")),
                    "under process-crash too, nothing through the snapshot's command waits in the page cache");
        } finally {
            System.clearProperty(Journal.PRETOUCH_PROPERTY);
        }
    }

    @Test
    void aSnapshotPastTheInputsEndIsDeletedAndOneThatDisagreesWithTheJournalIsNeverLoaded() throws Exception {
        Path original = dir.resolve("original");
        Path cut = dir.resolve("cut");
        long snapshot;
        try (JournaledEngine engine = new JournaledEngine(original, true, 0)) {
            engine.run(51, 600);
            snapshot = engine.snapshot();
            engine.run(52, 400);
        }
        LostPages.inputLostAfter(original, cut, snapshot - 100);
        Path snapshotFile = Files.createDirectories(cut.resolve("snapshots"))
                .resolve(String.format("snapshot-%020d.rbs", snapshot));
        Files.copy(original.resolve("snapshots").resolve(snapshotFile.getFileName()), snapshotFile);

        try (JournaledEngine firstRestart = new JournaledEngine(cut, true, 0)) {
            assertEquals(snapshot - 100, firstRestart.recovered.lastSequence());
            assertFalse(Files.exists(snapshotFile), "the snapshot past the input's end is deleted");
            assertTrue(firstRestart.recovered.unusableSnapshots().toString().contains(snapshotFile.getFileName().toString()),
                    firstRestart.recovered.unusableSnapshots().toString());
            firstRestart.run(53, 500);
        }
        Files.copy(original.resolve("snapshots").resolve(snapshotFile.getFileName()), snapshotFile,
                StandardCopyOption.REPLACE_EXISTING);
        try (JournaledEngine secondRestart = new JournaledEngine(cut, true, 0)) {
            assertNotEquals(snapshot, secondRestart.recovered.snapshotSequence(),
                    "the journal's record at the snapshot's sequence is another timeline's command");
            assertTrue(secondRestart.recovered.unusableSnapshots().toString().contains("journal"),
                    secondRestart.recovered.unusableSnapshots().toString());
            secondRestart.run(54, 200);
        }
        assertNull(ReplayVerifier.verify(cut, JournaledEngine::newLogic).firstDifference());
    }

    @Test
    void aTemporarySnapshotFileLeftByACrashIsRemovedAtRecovery() throws Exception {
        Path data = dir.resolve("data");
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(71, 100);
        }
        Path leftover = Files.writeString(Files.createDirectories(data.resolve("snapshots"))
                .resolve(String.format("snapshot-%020d.rbs.tmp", 99)), "half a snapshot");
        try (JournaledEngine restarted = new JournaledEngine(data, true, 0)) {
            assertFalse(Files.exists(leftover), "a crash between writing and renaming leaves nothing behind for good");
        }
    }
}

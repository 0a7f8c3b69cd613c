package io.ringbook.journal;

import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.journal.codec.JournalFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.ringbook.engine.testing.FileBytes.firstIndexOf;
import static io.ringbook.engine.testing.FileBytes.flipByte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotRecoveryTest {

    private static final byte[] MAGIC = {'R', 'B', 'J', '1'};

    @TempDir
    Path data;

    @Test
    void shouldRecoverFromTheNewestSnapshotPlusTheTailToTheStateOfAFullReplay() throws Exception {
        long snapshotSequence = journalAroundASnapshot(31, 6_000, 4_000);
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertEquals(snapshotSequence, recovered.recovered.snapshotSequence());
            assertEquals(recovered.recovered.lastSequence() - snapshotSequence, recovered.recovered.commandsReplayed(),
                    "only the tail after the snapshot is replayed");
            BusinessLogic full = InputReplay.run(recovered.journal,
                    d -> JournaledEngine.newLogic(d, new ListenerSink(e -> { }))).logic();
            assertEquals(state(full), state(recovered.recovered.logic()), "snapshot + tail equals the full replay, byte for byte");
            recovered.run(33, 2_000);
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference(), "replaying snapshot commands writes no file and changes nothing");
    }

    @Test
    void shouldNotUseASnapshotNewerThanTheJournaledOutput() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(34, 1_000);
            engine.snapshot();
        }
        try (JournaledEngine outputLost = new JournaledEngine(data, false, 0)) {
            outputLost.run(35, 1_000);
            outputLost.snapshot();
        }
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertTrue(recovered.recovered.snapshotSequence() < recovered.recovered.lastSequence() - 1_000,
                    "the second snapshot's outputs were never journaled, so the first one is used");
            assertTrue(recovered.recovered.eventsRejournaled() > 1_000);
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference());
    }

    /**
     * A start from a snapshot reads the input journal from the snapshot's command on, not
     * from its start: an excerpt before it (here the first, the run's CONFIG), damaged so
     * that reading it would fail, is never read, and the state is the one of an undamaged
     * copy of the same directory.
     */
    @Test
    void aStartReadsNoInputExcerptBeforeTheSnapshotsCommand() throws Exception {
        long snapshotSequence = journalAroundASnapshot(41, 3_000, 1_000);
        Path copy = data.resolveSibling(data.getFileName() + "-copy");
        copyTree(data, copy);
        Path input = DamagedJournalTest.queueFile(data.resolve("journal/input"));
        flipByte(input, firstIndexOf(input, MAGIC) + 40);
        assertThrows(JournalFormatException.class, () -> ReplayVerifier.verify(data, JournaledEngine::newLogic),
                "the first excerpt is damaged: whatever reads it fails");
        String expected;
        try (JournaledEngine undamaged = new JournaledEngine(copy, true, 0)) {
            expected = state(undamaged.recovered.logic());
        }
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertEquals(snapshotSequence, recovered.recovered.snapshotSequence());
            assertEquals(recovered.recovered.lastSequence() - snapshotSequence, recovered.recovered.commandsReplayed());
            assertEquals(expected, state(recovered.recovered.logic()));
        }
    }

    /** A quarantine of a command after the snapshot is read from the snapshot's excerpt on, and honoured. */
    @Test
    void aQuarantinedCommandAfterTheSnapshotIsSkipped() throws Exception {
        long snapshotSequence = journalAroundASnapshot(43, 2_000, 500);
        QuarantineWriter.quarantine(data, snapshotSequence + 10, "a test");
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertEquals(snapshotSequence, recovered.recovered.snapshotSequence());
            assertEquals(1, recovered.recovered.quarantinedSkipped());
        }
    }

    /**
     * A snapshot file of format version 1 (no configuration in it) is still read: recovery
     * then reads the journal from its start for its configuration, as before, and reaches
     * the same state.
     */
    @Test
    void aVersion1SnapshotIsStillUsedReadingTheJournalFromItsStart() throws Exception {
        long snapshotSequence = journalAroundASnapshot(45, 3_000, 1_000);
        SnapshotStore.Snapshot snapshot = new SnapshotStore(data).newestFirst().get(0);
        Files.write(snapshot.file(), SnapshotFiles.asVersion1(Files.readAllBytes(snapshot.file())));
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertEquals(snapshotSequence, recovered.recovered.snapshotSequence(), "used, not skipped");
            assertEquals(List.of(), recovered.recovered.unusableSnapshots());
            BusinessLogic full = InputReplay.run(recovered.journal,
                    d -> JournaledEngine.newLogic(d, new ListenerSink(e -> { }))).logic();
            assertEquals(state(full), state(recovered.recovered.logic()));
        }
    }

    /**
     * Limits changed between starts are found against the journal's last configuration
     * before the snapshot, which the snapshot holds, or a later one in the tail.
     */
    @Test
    void aChangeOfLimitsIsFoundAgainstTheConfigurationTheSnapshotHolds() throws Exception {
        ReferenceData tighter = LimitChangesTest.withLimits(JournaledEngine.DEMO, 1, LimitChangesTest.tightQty(5));
        try (JournaledEngine engine = new JournaledEngine(data, true, 0, JournaledEngine.DEMO)) {
            engine.run(47, 1_000);
            engine.snapshot();
        }
        try (JournaledEngine changed = new JournaledEngine(data, true, 0, tighter)) {
            assertEquals(List.of("T2"), changed.recovered.limitsChanged());
            changed.run(48, 500);
            changed.snapshot();
        }
        try (JournaledEngine same = new JournaledEngine(data, true, 0, tighter)) {
            assertEquals(List.of(), same.recovered.limitsChanged(), "the snapshot holds the tighter configuration");
        }
        try (JournaledEngine back = new JournaledEngine(data, true, 0, JournaledEngine.DEMO)) {
            assertEquals(List.of("T2"), back.recovered.limitsChanged());
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference());
    }

    /** Journals {@code before} commands of a random flow (seeds {@code seed}, then {@code seed + 1}), a snapshot, {@code after} more; returns the snapshot's sequence. */
    private long journalAroundASnapshot(long seed, int before, int after) throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(seed, before);
            long snapshotSequence = engine.snapshot();
            engine.run(seed + 1, after);
            return snapshotSequence;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static String state(BusinessLogic logic) {
        StateBuffer buffer = new StateBuffer(1 << 16);
        logic.writeState(buffer);
        return java.util.HexFormat.of().formatHex(buffer.array(), 0, buffer.length());
    }
}

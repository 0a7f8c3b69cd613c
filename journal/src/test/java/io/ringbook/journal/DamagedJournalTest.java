package io.ringbook.journal;

import io.ringbook.journal.codec.JournalFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.ringbook.engine.testing.FileBytes.flipByte;
import static io.ringbook.engine.testing.FileBytes.lastIndexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented rule for a damaged journal: a batch before the last whose checksum
 * fails was decided and maybe acknowledged, so recovery refuses to start and names the
 * excerpt rather than silently drop accepted orders; the operator restores from a backup.
 * A torn last batch was never decided, and is cut off ({@link TornTailTest}).
 */
class DamagedJournalTest {

    private static final byte[] MAGIC = {'R', 'B', 'J', '1'};

    @TempDir
    Path data;

    @Test
    void shouldRefuseToRecoverFromACorruptedBatchAndSayWhere() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(1, 2_000);
        }
        Path file = queueFile(data.resolve("journal/input"));
        long lastBatch = lastIndexOf(file, MAGIC);
        flipByte(file, lastIndexOf(file, MAGIC, lastBatch - 1) + 40);

        JournalFormatException refused = assertThrows(JournalFormatException.class, () -> new JournaledEngine(data, true).close());
        assertTrue(refused.getMessage().matches("input journal excerpt at index [0-9a-f]+: checksum mismatch.*"), refused.getMessage());
        JournalFormatException replay = assertThrows(JournalFormatException.class, () -> ReplayVerifier.verify(data, JournaledEngine::newLogic));
        assertTrue(replay.getMessage().contains("checksum mismatch"), replay.getMessage());
    }

    /** A queue file cut short inside its last batch: that batch was never decided, so recovery cuts it and starts. */
    @Test
    void shouldCutALastBatchTheQueueFileLostPartOfAndStart() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(3, 2_000);
        }
        Path file = queueFile(data.resolve("journal/input"));
        long lastBatch = lastIndexOf(file, MAGIC);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(lastBatch + 30);
        }
        try (JournaledEngine restarted = new JournaledEngine(data, true)) {
            assertEquals(1, restarted.recovered.tornTailsCut().size());
            String cut = restarted.recovered.tornTailsCut().get(0);
            assertTrue(cut.matches("the input journal's last excerpt \\(index [0-9a-f]+\\) was torn: cut off, .*input-torn-.*"), cut);
        }
        assertTrue(ReplayVerifier.verify(data, JournaledEngine::newLogic).identical());
    }

    @Test
    void shouldRefuseABatchWhoseHeaderIsDamaged() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(2, 500);
        }
        Path file = queueFile(data.resolve("journal/output"));
        flipByte(file, lastIndexOf(file, MAGIC));
        JournalFormatException refused = assertThrows(JournalFormatException.class, () -> ReplayVerifier.verify(data, JournaledEngine::newLogic));
        assertTrue(refused.getMessage().contains("output journal excerpt at index"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not a Ringbook journal batch"), refused.getMessage());
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenTheNewestIsCorrupt() throws Exception {
        long older;
        long newer;
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(4, 2_000);
            older = engine.snapshot();
            engine.run(5, 2_000);
            newer = engine.snapshot();
            engine.run(6, 500);
        }
        SnapshotStore store = new SnapshotStore(data);
        Path newest = store.newestFirst().get(0).file();
        flipByte(newest, 100);
        try (JournaledEngine recovered = new JournaledEngine(data, true, 0)) {
            assertTrue(newer > older);
            assertEquals(older, recovered.recovered.snapshotSequence());
            assertEquals(1, recovered.recovered.unusableSnapshots().size());
            assertTrue(recovered.recovered.unusableSnapshots().get(0).contains("fails its checksum"),
                    recovered.recovered.unusableSnapshots().get(0));
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference());
    }

    @Test
    void aReplayFailureStopsTheStartAtOnceAndWritesNothing() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(7, 1_000);
            engine.snapshot();
            engine.run(8, 500);
        }
        try (JournaledEngine outputLost = new JournaledEngine(data, false, 0)) {
            outputLost.run(9, 1_000);
        }
        Path input = queueFile(data.resolve("journal/input"));
        flipByte(input, lastIndexOf(input, MAGIC, lastIndexOf(input, MAGIC) - 1) + 40);
        long outputBefore = outputExcerpts();

        JournalFormatException refused = assertThrows(JournalFormatException.class, () -> new JournaledEngine(data, true, 0).close());
        assertTrue(refused.getMessage().contains("checksum mismatch"), "the journal's failure, not the snapshot's: " + refused.getMessage());
        assertEquals(outputBefore, outputExcerpts(), "a start that fails journals no catch-up event");
        assertEquals(1, new SnapshotStore(data).newestFirst().size(), "the snapshot is not blamed");
    }

    private long outputExcerpts() {
        long[] count = {0};
        try (Journal journal = Journal.openReadOnly(data)) {
            Excerpts.read(journal.output(), "output journal", -1, (bytes, length, index, view) -> count[0]++);
        }
        return count[0];
    }

    static Path queueFile(Path queueDir) throws IOException {
        try (Stream<Path> files = Files.list(queueDir)) {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }
}

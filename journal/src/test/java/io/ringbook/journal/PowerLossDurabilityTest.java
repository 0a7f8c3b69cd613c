package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What power-loss durability promises, observed at the OS: once a batch has been
 * journaled (and before it is decided), no page of the input journal's mapped file is
 * dirty, i.e. nothing the batch wrote waits in the page cache for a writeback a power cut
 * would lose. Dirty pages are read from {@code /proc/self/smaps}, which counts a mapped
 * page as dirty until it has been written to the device; under process-crash durability
 * they stay dirty, which shows the probe sees what it is meant to.
 */
class PowerLossDurabilityTest {

    @TempDir
    Path data;

    @BeforeEach
    void onARealFileSystem() throws IOException {
        assumeFalse("tmpfs".equals(Files.getFileStore(data).type()), "tmpfs pages are never written back");
        assumeFalse(!Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc/self/smaps");
    }

    @Test
    void shouldLeaveNoDirtyPageOfTheInputJournalAfterEachPowerLossBatch() throws IOException {
        try (Journal journal = Journal.open(data, Durability.POWER_LOSS)) {
            InputJournal input = new InputJournal(journal);
            input.recordConfiguration(JournaledEngine.DEMO, 0, 1);
            assertEquals(0, dirtyKiB(journal.directory().resolve("input")), "after the CONFIG record");
            for (int batch = 0; batch < 20; batch++) {
                journalBatch(input, batch);
                assertEquals(0, dirtyKiB(journal.directory().resolve("input")), "after batch " + batch);
            }
        }
    }

    @Test
    void shouldLeaveTheBatchInThePageCacheUnderProcessCrash() throws IOException {
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            InputJournal input = new InputJournal(journal);
            journalBatch(input, 0);
            assertTrue(dirtyKiB(journal.directory().resolve("input")) > 0, "the probe sees unsynced pages");
        }
    }

    private static void journalBatch(InputJournal input, int batch) {
        Command command = new Command();
        for (int i = 0; i < 50; i++) {
            command.clear().newOrder(i % 4, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100 + i, 1);
            command.sequence = batch * 50L + i + 1;
            command.eventTimeNanos = command.sequence;
            input.append(command);
        }
        input.endOfBatch();
    }

    /**
     * Dirty KiB of every mapping of a cycle file ({@code .cq4}: header, index and excerpts)
     * under {@code directory} in this process. The queue's {@code metadata.cq4t} is left
     * out: it holds hints (the newest cycle, the last index synced) that Chronicle rebuilds
     * from the directory's files when it opens the queue.
     */
    private static long dirtyKiB(Path directory) throws IOException {
        String prefix = directory.toRealPath() + "/";
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        long kib = 0;
        boolean inside = false;
        for (String line : lines) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inside = line.contains(prefix) && line.endsWith(".cq4");
            } else if (inside && (line.startsWith("Shared_Dirty:") || line.startsWith("Private_Dirty:"))) {
                kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kib;
    }
}

package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What power-loss durability promises, observed at the OS: once a batch has been
 * journaled (and before it is decided), no page of the input journal's mapped file is
 * dirty, i.e. nothing the batch wrote waits in the page cache for a writeback a power cut
 * would lose ({@link DirtyPages}). Under process-crash durability they stay dirty, which
 * shows the probe sees what it is meant to.
 */
class PowerLossDurabilityTest {

    @TempDir
    Path data;

    @BeforeEach
    void onARealFileSystem() throws IOException {
        DirtyPages.assumeMeasurable(data);
    }

    @Test
    void shouldLeaveNoDirtyPageOfTheInputJournalAfterEachPowerLossBatch() throws IOException {
        try (Journal journal = Journal.open(data, Durability.POWER_LOSS)) {
            InputJournal input = new InputJournal(journal);
            input.recordConfiguration(JournaledEngine.DEMO, 0, 1);
            assertEquals(0, DirtyPages.ofQueue(journal.directory().resolve("input")), "after the CONFIG record");
            for (int batch = 0; batch < 20; batch++) {
                journalBatch(input, batch);
                assertEquals(0, DirtyPages.ofQueue(journal.directory().resolve("input")), "after batch " + batch);
            }
        }
    }

    @Test
    void shouldLeaveTheBatchInThePageCacheUnderProcessCrash() throws IOException {
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            InputJournal input = new InputJournal(journal);
            journalBatch(input, 0);
            assertTrue(DirtyPages.ofQueue(journal.directory().resolve("input")) > 0, "the probe sees unsynced pages");
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
}

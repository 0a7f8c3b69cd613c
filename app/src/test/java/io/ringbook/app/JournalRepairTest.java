package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.testing.FileBytes;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ringbook journal repair}: a torn last excerpt is shown and left alone without
 * {@code --yes}, cut (the damaged queue kept aside) with it; damage before the tail is
 * refused with exit code 2 and changes nothing.
 */
class JournalRepairTest {

    @TempDir
    Path dir;

    @Test
    void aTornTailIsShownThenCutWithYes() throws Exception {
        Path data = journalOfOrders(3);
        Path input = JournalFiles.queueFile(data.resolve("journal/input"));
        FileBytes.truncate(input, JournalFiles.lastBatch(input) + 30);

        assertEquals(1, RingbookCommand.run("journal", "repair", "--data", data.toString()), "a cut is due, none made");
        assertEquals(0, asideCount(data));
        assertEquals(0, RingbookCommand.run("journal", "repair", "--data", data.toString(), "--yes"));
        assertEquals(1, asideCount(data), "the damaged queue kept aside");
        assertEquals(0, RingbookCommand.run("journal", "repair", "--data", data.toString()), "sound now");
        try (RunningEngine restarted = start(data)) {
            assertEquals(2, restarted.recovery().lastSequence(), "the two orders before the torn one");
            assertTrue(restarted.recovery().tornTailsCut().isEmpty());
        }
    }

    @Test
    void damageBeforeTheTailIsRefusedAndLeftAlone() throws Exception {
        Path data = journalOfOrders(3);
        Path input = JournalFiles.queueFile(data.resolve("journal/input"));
        FileBytes.flipByte(input, FileBytes.firstIndexOf(input, JournalFiles.MAGIC) + 40);
        assertEquals(2, RingbookCommand.run("journal", "repair", "--data", data.toString(), "--yes"));
        assertEquals(0, asideCount(data));
    }

    /** A stopped engine's data directory holding {@code orders} orders, one batch each (commands 1..orders). */
    private Path journalOfOrders(int orders) throws Exception {
        Path data = dir.resolve("data");
        try (RunningEngine engine = start(data)) {
            for (int i = 0; i < orders; i++) {
                engine.pipeline().publisher().submit(slot ->
                        slot.newOrder(0, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5)).get(5, TimeUnit.SECONDS);
            }
        }
        return data;
    }

    private static long asideCount(Path data) throws Exception {
        try (Stream<Path> queues = Files.list(data.resolve("journal"))) {
            return queues.filter(queue -> queue.getFileName().toString().contains("-torn-")).count();
        }
    }

    private static RunningEngine start(Path data) {
        return RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH,
                Ports.any());
    }
}

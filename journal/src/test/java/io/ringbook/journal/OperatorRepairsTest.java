package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.CommandPublisher.CommandWriter;
import io.ringbook.engine.pipeline.EngineBusyException;
import io.ringbook.engine.testing.FileBytes;
import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's tools on the journal module's side: a quarantine that recovery honours
 * and that is journaled once, for a command the journal holds; the repair's findings and
 * cut; the disk reserve holding the publisher.
 */
class OperatorRepairsTest {

    @TempDir
    Path data;

    @Test
    void aQuarantinedCommandIsSkippedByRecoveryAndAuditedInTheJournal() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(3, 200);
        }
        assertThrows(JournalFormatException.class, () -> QuarantineWriter.quarantine(data, 10_000, "none such"));
        assertThrows(IllegalArgumentException.class, () -> QuarantineWriter.quarantine(data, 100, " "));
        assertTrue(QuarantineWriter.quarantine(data, 100, "a test").startsWith("quarantined command 100 ("));
        assertThrows(JournalFormatException.class, () -> QuarantineWriter.quarantine(data, 100, "again"));
        try (JournaledEngine restarted = new JournaledEngine(data, true, 0)) {
            assertEquals(1, restarted.recovered.quarantinedSkipped());
            assertEquals(200, restarted.recovered.lastSequence(), "the sequence runs on over the skipped command");
        }
        List<String> audit = new ArrayList<>();
        JournalQuery.run(data, new JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE, RecordType.QUARANTINE, null), audit::add);
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains("\"quarantinedSeq\":100") && audit.get(0).contains("\"reason\":\"a test\""), audit.get(0));
    }

    @Test
    void repairFindsAndCutsATornTailAndRefusesDamageBeforeIt() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(4, 500);
        }
        assertTrue(JournalRepair.inspect(data).stream().noneMatch(f -> f.tornTail() || f.damagedBefore()));
        Path input = DamagedJournalTest.queueFile(data.resolve("journal/input"));
        byte[] magic = {'R', 'B', 'J', '1'};
        long lastBatch = FileBytes.lastIndexOf(input, magic);
        try (RandomAccessFile raf = new RandomAccessFile(input.toFile(), "rw")) {
            raf.seek(lastBatch - 4);
            int length = Integer.reverseBytes(raf.readInt()) & 0x3FFFFFFF;
            raf.seek(lastBatch + 30);
            raf.write(new byte[length - 30]);
        }
        List<JournalRepair.Finding> torn = JournalRepair.inspect(data);
        assertTrue(torn.get(0).tornTail(), torn.get(0).line());
        assertEquals(1, JournalRepair.repair(data).size());
        assertFalse(JournalRepair.inspect(data).get(0).tornTail());

        Path again = DamagedJournalTest.queueFile(data.resolve("journal/input"));
        FileBytes.flipByte(again, FileBytes.lastIndexOf(again, magic, FileBytes.lastIndexOf(again, magic) - 1) + 40);
        assertTrue(JournalRepair.inspect(data).get(0).damagedBefore());
        assertThrows(JournalFormatException.class, () -> JournalRepair.repair(data));
        try (var queues = Files.list(data.resolve("journal"))) {
            assertEquals(1, queues.filter(q -> q.getFileName().toString().startsWith("input-torn-")).count(), "only the first cut");
        }
    }

    @Test
    void belowTheReserveThePublisherRefusesWhatAddsExposureButTakesWhatReducesItAndHealthIsDown() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true, 0);
             DiskReserve reserve = DiskReserve.watch(engine.journal, DiskSpace.of(data),
                     Long.MAX_VALUE / 2, engine.pipeline.publisher())) {
            CommandPublisher publisher = engine.pipeline.publisher();
            long before = publisher.submit(c -> c.cancel(0, 1)).get(5, TimeUnit.SECONDS).get(0).sequence;
            List<CommandWriter> refusedWhileHeld = List.of(Command::snapshot,
                    c -> c.newOrder(0, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1),
                    c -> c.amend(0, 1, 101, 1), c -> c.killSwitch(-1, false), c -> c.haltSymbol(0, false),
                    c -> c.breaker(BreakerKind.VOLATILITY, 0, false));
            for (CommandWriter writer : refusedWhileHeld) {
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> publisher.submit(writer).get(5, TimeUnit.SECONDS));
                assertTrue(refused.getCause() instanceof EngineBusyException);
                assertTrue(refused.getCause().getMessage().startsWith("disk nearly full"), refused.getCause().getMessage());
            }
            assertFalse(publisher.tryPublish(c -> c.newOrder(0, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1)));
            assertEquals(before + 1, publisher.submit(c -> c.cancel(0, 1)).get(5, TimeUnit.SECONDS).get(0).sequence,
                    "a refused command claims no slot and takes no sequence: nothing of it reaches the held disk");
            List<CommandWriter> takenWhileHeld = List.of(c -> c.cancel(0, 1), c -> c.massCancel(0, -1),
                    c -> c.cancelAllAfter(0, 0), c -> c.cancelOnDisconnect(0, 7), c -> c.killSwitch(-1, true),
                    c -> c.haltSymbol(0, true), c -> c.breaker(BreakerKind.VOLATILITY, 0, true));
            for (CommandWriter writer : takenWhileHeld) {
                assertTrue(publisher.tryPublish(writer));
            }
            assertTrue(publisher.tryPublish(Command::clockTick), "the clock's ticks go on");
            assertFalse(publisher.submit(c -> c.cancel(0, 1)).get(5, TimeUnit.SECONDS).isEmpty(), "a cancel is decided");
            assertEquals(HealthStatus.DOWN, reserve.health().check().status());
        }
        try (JournaledEngine engine = new JournaledEngine(data, true, 0);
             DiskReserve reserve = DiskReserve.watch(engine.journal, DiskSpace.of(data), 1, engine.pipeline.publisher())) {
            assertEquals(HealthStatus.UP, reserve.health().check().status());
            engine.pipeline.publisher().submit(Command::snapshot).get(5, TimeUnit.SECONDS);
        }
    }
}

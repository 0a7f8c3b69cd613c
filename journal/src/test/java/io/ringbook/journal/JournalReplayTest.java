package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.OlderCommandRecords;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalReplayTest {

    @TempDir
    Path data;

    @Test
    void shouldReproduceTheRecordedOutputByteForByteOnReplay() throws Exception {
        long events;
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(1, 30_000);
        }
        ReplayVerifier.Report report = ReplayVerifier.verify(data, JournaledEngine::newLogic);
        assertNull(report.firstDifference());
        assertTrue(report.commands() >= 30_000, "clock ticks come on top: " + report.commands());
        events = report.events();
        assertTrue(events > 50_000, "events " + events);
    }

    @Test
    void shouldRecoverTheSameStateAndContinueAcrossRestarts() throws Exception {
        String bookBefore;
        long lastSequence;
        try (JournaledEngine first = new JournaledEngine(data, true, 0)) {
            first.run(2, 10_000);
            bookBefore = describeBook(first);
            lastSequence = JournalCursor.lastSequence(first.journal.input(), "input");
        }
        try (JournaledEngine second = new JournaledEngine(data, true, 0)) {
            assertEquals(bookBefore, describeBook(second), "recovered book equals the book before the restart");
            assertEquals(lastSequence, second.recovered.lastSequence());
            assertEquals(0, second.recovered.eventsRejournaled());
            second.run(3, 10_000);
        }
        ReplayVerifier.Report report = ReplayVerifier.verify(data, JournaledEngine::newLogic);
        assertNull(report.firstDifference());
    }

    @Test
    void shouldJournalTheOutcomesThatACrashLeftOutDuringRecovery() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(4, 5_000);
        }
        try (JournaledEngine outputLost = new JournaledEngine(data, false)) {
            outputLost.run(5, 5_000);
        }
        assertTrue(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference().contains("ends before"));
        try (JournaledEngine recovered = new JournaledEngine(data, true)) {
            assertTrue(recovered.recovered.eventsRejournaled() > 5_000, "rejournaled " + recovered.recovered.eventsRejournaled());
        }
        assertNull(ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference());
    }

    @Test
    void shouldReportAnOutputThatTheReplayDoesNotProduce() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(6, 1_000);
        }
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            io.ringbook.engine.event.EngineEvent extra = new io.ringbook.engine.event.EngineEvent().clear();
            extra.type = io.ringbook.engine.event.EventType.BOOK_LEVEL;
            extra.sequence = Long.MAX_VALUE;
            extra.side = Side.BUY;
            extra.symbolId = DemoMarket.TEST;
            extra.lastOfCommand = true;
            OutputJournal output = new OutputJournal(journal);
            output.onEvent(extra);
            output.onEndOfBatch();
        }
        String difference = ReplayVerifier.verify(data, JournaledEngine::newLogic).firstDifference();
        assertTrue(difference.contains("more events than the replay produced"), difference);
    }

    /**
     * A journal of an older engine, which reported each price level's change as a
     * {@code BOOK_LEVEL} record (schema 3), often the last of its command: made here from
     * a recorded one by writing each record as schema 3 and a level after each command's
     * last event, which hands it the command's end. The replay passes over those levels
     * and matches everything else.
     */
    @Test
    void shouldPassOverTheBookLevelsOfAnOlderSchema(@TempDir Path older) throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(8, 2_000);
        }
        long recorded = 0;
        copy(data.resolve("journal/input"), older.resolve("journal/input"));
        try (Journal source = Journal.openReadOnly(data);
             JournalCursor cursor = new JournalCursor(source.output(), "output journal");
             Journal target = Journal.open(older, Durability.PROCESS_CRASH)) {
            JournalBatch batch = new JournalBatch();
            EngineEvent event = new EngineEvent();
            EngineEvent level = new EngineEvent();
            var appender = target.output().createAppender();
            while (cursor.next()) {
                EventCodec.decode(cursor.buffer(), cursor.offset(), event);
                boolean last = event.lastOfCommand;
                event.lastOfCommand = false;
                addAsSchema3(batch, event);
                if (last) {
                    level.clear();
                    level.type = EventType.BOOK_LEVEL;
                    level.sequence = event.sequence;
                    level.eventTimeNanos = event.eventTimeNanos;
                    level.symbolId = DemoMarket.TEST;
                    level.side = Side.SELL;
                    level.price = 100;
                    level.qty = recorded + 1;
                    level.bookSequence = recorded + 1;
                    level.lastOfCommand = true;
                    addAsSchema3(batch, level);
                }
                recorded++;
                if (last && batch.bytes() > 32 * 1024) {
                    batch.appendTo(appender);
                }
            }
            if (!batch.isEmpty()) {
                batch.appendTo(appender);
            }
        }
        ReplayVerifier.Report report = ReplayVerifier.verify(older, JournaledEngine::newLogic);
        assertNull(report.firstDifference());
        assertEquals(recorded, report.events());
    }

    @Test
    void shouldReplayAndRecoverAnInputJournalOfTheFixedCommandLayout(@TempDir Path older) throws Exception {
        String bookBefore;
        try (JournaledEngine engine = new JournaledEngine(data, true, 0)) {
            engine.run(9, 5_000);
            bookBefore = describeBook(engine);
        }
        copy(data.resolve("journal/output"), older.resolve("journal/output"));
        long rewritten = 0;
        try (Journal source = Journal.openReadOnly(data);
             JournalCursor cursor = new JournalCursor(source.input(), "input journal");
             Journal target = Journal.open(older, Durability.PROCESS_CRASH)) {
            JournalBatch batch = new JournalBatch();
            Command command = new Command();
            var appender = target.input().createAppender();
            while (cursor.next()) {
                int at = batch.position();
                if (RecordHeader.type(cursor.buffer(), cursor.offset()).isCommand()) {
                    CommandCodec.decode(cursor.buffer(), cursor.offset(), command);
                    batch.added(OlderCommandRecords.write(command, batch.buffer(), at, 3));
                    rewritten++;
                } else {
                    int length = RecordHeader.length(cursor.buffer(), cursor.offset());
                    batch.buffer().putBytes(at, cursor.buffer(), cursor.offset(), length);
                    batch.added(length);
                }
                if (batch.bytes() > 32 * 1024) {
                    batch.appendTo(appender);
                }
            }
            if (!batch.isEmpty()) {
                batch.appendTo(appender);
            }
        }
        ReplayVerifier.Report report = ReplayVerifier.verify(older, JournaledEngine::newLogic);
        assertNull(report.firstDifference());
        assertEquals(rewritten, report.commands());
        try (JournaledEngine recovered = new JournaledEngine(older, true, 0)) {
            assertEquals(bookBefore, describeBook(recovered), "the book rebuilt from the older records");
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static void addAsSchema3(JournalBatch batch, EngineEvent event) {
        int at = batch.position();
        batch.added(EventCodec.encode(event, batch.buffer(), at));
        batch.buffer().putByte(at + 3, (byte) 3);
    }

    @Test
    void shouldListCommandsFollowedByTheirEventsFilteredForAuditors() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(7, 2_000);
        }
        List<String> lines = new ArrayList<>();
        JournalQuery.run(data, JournalQuery.Filter.ALL, lines::add);
        assertTrue(lines.get(0).contains("\"type\":\"CONFIG\",\"symbols\":[\"BTC-USD\", \"ETH-USD\", \"TEST\"],\"accounts\":[\"T1\", \"T2\", \"T3\", \"T4\"]"), lines.get(0));
        assertTrue(lines.get(1).matches("\\{\"seq\":1,\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z\",\"type\":\"[A-Z_]+\".*"), lines.get(1));
        List<String> fills = new ArrayList<>();
        JournalQuery.run(data, new JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE, RecordType.ORDER_FILLED, "T2"), fills::add);
        assertTrue(fills.size() > 10);
        assertTrue(fills.stream().allMatch(l -> l.contains("\"type\":\"ORDER_FILLED\"") && l.contains("\"account\":\"T2\"")
                && l.contains("\"symbol\":\"TEST\"") && l.contains("\"tradeId\":")), fills.get(0));
        List<String> none = new ArrayList<>();
        JournalQuery.run(data, new JournalQuery.Filter(0, 1, (RecordType) null, null), none::add);
        assertEquals(List.of(), none);
    }

    @Test
    void shouldRefuseToRecoverWithAnotherConfiguration() throws Exception {
        try (JournaledEngine engine = new JournaledEngine(data, true)) {
            engine.run(8, 100);
        }
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            var other = new io.ringbook.engine.domain.ReferenceData(DemoMarket.symbols(),
                    new io.ringbook.engine.domain.AccountTable(List.of("T1", "T2")));
            ConfigurationMismatchException refused = assertThrows(ConfigurationMismatchException.class,
                    () -> Recovery.recover(journal, new SnapshotStore(data), other, JournaledEngine::newLogic));
            assertEquals(List.of("accounts (journal: T1, T2, T3, T4; configured: T1, T2)"), refused.differences(), refused.getMessage());
        }
    }

    private static String describeBook(JournaledEngine engine) {
        var logic = engine.recovered.logic();
        StringBuilder text = new StringBuilder();
        for (Side side : Side.values()) {
            var levels = logic.book(DemoMarket.TEST).side(side);
            for (int depth = 0; depth < levels.levelCount(); depth++) {
                var level = levels.level(depth);
                text.append(side).append(' ').append(level.price()).append(':');
                for (var order = level.head(); order != null; order = order.nextInLevel()) {
                    text.append(' ').append(order.orderId).append('/').append(order.leavesQty());
                }
                text.append('\n');
            }
        }
        for (int account = 0; account < DemoMarket.ACCOUNTS; account++) {
            text.append("position ").append(account).append(' ').append(logic.positions().qty(account, DemoMarket.TEST))
                    .append(' ').append(logic.positions().realizedPnl(account, DemoMarket.TEST)).append('\n');
        }
        return text.append("orders ").append(logic.orders().lastOrderId()).append(" trades ").append(logic.lastTradeId()).toString();
    }
}

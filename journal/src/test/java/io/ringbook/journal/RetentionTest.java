package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.RandomOrderFlow;
import io.ringbook.journal.backup.Backup;
import io.ringbook.journal.backup.Retention;
import io.ringbook.journal.codec.JournalFormatException;
import net.openhft.chronicle.core.time.SetTimeProvider;
import io.ringbook.engine.testing.BackupDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old journal days disappear only once a verified backup holds them and a snapshot covers them; recovery still works after. */
@ExtendWith(BackupDirs.PerTest.class)
class RetentionTest {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final long DAY_ONE = 20_400 * DAY_MILLIS + 3_600_000L;

    @Test
    void oldCyclesAreDeletedOnlyAfterTheyWereBackedUpAndRecoveryStillStarts(BackupDirs dirs) throws Exception {
        Path data = dirs.data();
        Path backup = dirs.backup();
        SetTimeProvider clock = new SetTimeProvider();
        clock.currentTimeMillis(DAY_ONE);
        byte[] state;
        long snapshotSequence;
        Path older = dirs.beside("older");
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH, clock)) {
            Day day = new Day(journal);
            day.run(1, 300);
            day.snapshot(new SnapshotStore(older));
            clock.currentTimeMillis(DAY_ONE + DAY_MILLIS);
            day.run(2, 300);
            snapshotSequence = day.snapshot(new SnapshotStore(data));
            clock.currentTimeMillis(DAY_ONE + 2 * DAY_MILLIS);
            day.run(3, 100);
            state = day.state();
        }
        assertEquals(3, cycleFiles(data, "input").size());
        long today = DAY_ONE + 2 * DAY_MILLIS;

        assertThrows(IOException.class, () -> Retention.run(data, backup, 0, today), "no backup yet");
        assertEquals(3, cycleFiles(data, "input").size(), "nothing deleted without a backup");

        Backup.run(data, backup, false, "test");
        assertEquals(List.of(), Retention.run(data, backup, 2, today), "two days to keep: both old days stay");
        assertEquals(2, Retention.run(data, backup, 1, today).size(), "one day to keep: the first day's input and output go");
        List<Path> deleted = Retention.run(data, backup, 0, today);
        assertEquals(2, deleted.size(), "none to keep: yesterday's go too: " + deleted);
        assertEquals(1, cycleFiles(data, "input").size(), "today's cycle stays");
        assertEquals(1, cycleFiles(data, "output").size());

        ReferenceData otherAccounts = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3", "X9")));
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            ConfigurationMismatchException refused = assertThrows(ConfigurationMismatchException.class,
                    () -> Recovery.recover(journal, new SnapshotStore(data), otherAccounts, JournaledEngine::newLogic));
            assertEquals(List.of("accounts (journal: T1, T2, T3, T4; configured: T1, T2, T3, X9)"), refused.differences(),
                    "today's cycle holds the CONFIG journaled at the day roll, to check against: " + refused.getMessage());
        }
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            Recovery.Outcome recovered = Recovery.recover(journal, new SnapshotStore(data), JournaledEngine.DEMO, JournaledEngine::newLogic);
            assertEquals(snapshotSequence + 100, recovered.lastSequence());
            StateBuffer after = new StateBuffer(1 << 16);
            recovered.logic().writeState(after);
            assertArrayEquals(state, Arrays.copyOf(after.array(), after.length()), "the same state as before the deletion");
        }

        SnapshotStore snapshots = new SnapshotStore(data);
        snapshots.delete(snapshots.newestFirst().get(0));
        Files.copy(new SnapshotStore(older).newestFirst().get(0).file(), snapshots.directory().resolve("snapshot-00000000000000000300.rbs"));
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            JournalFormatException refused = assertThrows(JournalFormatException.class,
                    () -> Recovery.recover(journal, snapshots, JournaledEngine.DEMO, JournaledEngine::newLogic));
            assertTrue(refused.getMessage().contains("jumps from sequence 300 to 601"),
                    "the commands retention deleted after the only snapshot left are missed loudly: " + refused.getMessage());
        }
    }

    private static List<Path> cycleFiles(Path data, String queue) throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("journal").resolve(queue))) {
            return files.filter(f -> f.toString().endsWith(".cq4")).toList();
        }
    }

    /** Commands journaled and decided as the pipeline does, one command a batch, on whatever day the clock says. */
    private static final class Day {
        private final InputJournal input;
        private final OutputJournal output;
        private final BusinessLogic logic;
        private final Command command = new Command();
        private long sequence;

        Day(Journal journal) {
            input = new InputJournal(journal, JournaledEngine.DEMO);
            output = new OutputJournal(journal);
            input.recordConfiguration(JournaledEngine.DEMO, 0, 1);
            logic = JournaledEngine.newLogic(JournaledEngine.DEMO, new ListenerSink(output));
        }

        void run(long seed, int count) {
            RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 500);
            long firstId = logic.orders().lastOrderId();
            for (int i = 0; i < count; i++) {
                flow.next(command, 1_000 + sequence);
                if (command.orderId != 0) {
                    command.orderId += firstId;
                }
                command.sequence = ++sequence;
                command.eventTimeNanos = 1_000 + sequence;
                input.append(command);
                input.endOfBatch();
                logic.process(command);
                output.onEndOfBatch();
            }
        }

        long snapshot(SnapshotStore store) throws IOException {
            StateBuffer buffer = new StateBuffer(1 << 16);
            logic.writeState(buffer);
            store.write(sequence, 1_000 + sequence, JournaledEngine.DEMO, buffer.array(), buffer.length());
            return sequence;
        }

        byte[] state() {
            StateBuffer buffer = new StateBuffer(1 << 16);
            logic.writeState(buffer);
            return Arrays.copyOf(buffer.array(), buffer.length());
        }
    }
}

package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.ThreadAllocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot thread writes a snapshot of a busy day in pieces: its heap does not grow with the day's clOrdIds. */
class SnapshotWriterTest {

    @TempDir
    Path data;

    @Test
    void aSnapshotOfADaysClOrdIdsIsWrittenWithABoundedHeap() throws Exception {
        BusinessLogic logic = JournaledEngine.newLogic(JournaledEngine.DEMO, new ListenerSink(event -> { }));
        Command command = new Command();
        int orders = 400_000;
        for (int n = 1; n <= orders; n++) {
            command.newOrder(n % 4, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 1).clOrdId.set("c" + n);
            command.sequence = n;
            command.eventTimeNanos = 1_000_000_000L + n;
            logic.process(command);
        }
        command.snapshot();
        command.sequence = orders + 1;
        command.eventTimeNanos = 2_000_000_000L;
        long allocated;
        SnapshotStore store = new SnapshotStore(data);
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH);
             SnapshotWriter writer = new SnapshotWriter(store, journal, JournaledEngine.DEMO)) {
            writer.onSnapshot(logic, command);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((writer.last() == null || !writer.last().written()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(writer.last().written());
            allocated = ThreadAllocation.of("ringbook-snapshot");
        }
        Path file = store.newestFirst().get(0).file();
        assertTrue(Files.size(file) > 12 << 20, "400,000 ids: " + Files.size(file) + " bytes");
        assertTrue(allocated < 4 << 20, "the snapshot thread allocated " + allocated + " bytes for a file of " + Files.size(file));
        SnapshotStore.Loaded loaded = store.load(store.newestFirst().get(0));
        assertEquals(2_000_000_000L, loaded.eventTimeNanos());
        assertEquals(JournaledEngine.DEMO.accounts().all(), loaded.configuration().accounts().all(), "the run's configuration in it");
        BusinessLogic restored = JournaledEngine.newLogic(JournaledEngine.DEMO, new ListenerSink(event -> { }));
        restored.restoreState(loaded.state());
        assertEquals(state(logic), state(restored));
    }

    private static String state(BusinessLogic logic) {
        StateBuffer buffer = new StateBuffer(1 << 16);
        logic.writeState(buffer);
        return HexFormat.of().formatHex(buffer.array(), 0, buffer.length());
    }
}

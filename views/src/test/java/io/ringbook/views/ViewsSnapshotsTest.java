package io.ringbook.views;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import io.ringbook.engine.testing.ThreadAllocation;
import io.ringbook.views.marketdata.DepthBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read models written at a snapshot and read back into fresh ones answer every query alike. */
class ViewsSnapshotsTest {

    private static final int SYMBOLS = DemoMarket.symbols().size();
    private static final EpochClock CLOCK = () -> 1_000L;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWroteAtTheSnapshotAndSkipADamagedFile() throws Exception {
        ReadModels live = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(9, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300);
        Command command = new Command();
        try (ViewsSnapshots snapshots = new ViewsSnapshots(dir, live)) {
            run(5_000, live, engine, flow, command);
            EngineEvent taken = new EngineEvent();
            taken.type = EventType.SNAPSHOT_TAKEN;
            taken.sequence = 5_000;
            snapshots.onEvent(taken);
        }

        ReadModels restored = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        assertEquals(0, new ViewsSnapshots(dir, restored).restore(sequence -> sequence < 5_000), "one the journals disagree with is not read");
        assertEquals(5_000, new ViewsSnapshots(dir, restored).restore(sequence -> true));
        assertEquals(describe(live), describe(restored));
        assertTrue(describe(live).contains("PARTIALLY_FILLED"), "a flow with partly filled orders");

        Path file = dir.resolve(String.format("views-%020d.rbv", 5_000));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 1;
        Files.write(file, bytes);
        assertEquals(0, new ViewsSnapshots(dir, new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK)).restore(sequence -> true),
                "a damaged file fails its checksum");
    }

    /** A snapshot taken while the previous one is still being encoded is skipped: captures never pile up in memory. */
    @Test
    void shouldSkipASnapshotWhileThePreviousOneIsStillBeingWritten() throws Exception {
        ReadModels live = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        run(30_000, live, new LogicDriver(), new RandomOrderFlow(13, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300), new Command());
        try (ViewsSnapshots snapshots = new ViewsSnapshots(dir, live)) {
            for (long sequence : new long[] {30_000, 30_001}) {
                EngineEvent taken = new EngineEvent();
                taken.type = EventType.SNAPSHOT_TAKEN;
                taken.sequence = sequence;
                snapshots.onEvent(taken);
            }
        }
        assertTrue(Files.exists(dir.resolve(String.format("views-%020d.rbv", 30_000))), "the first is written");
        assertTrue(Files.notExists(dir.resolve(String.format("views-%020d.rbv", 30_001))), "the second, taken while the first was encoded, is skipped");
    }

    /**
     * The outbound thread only captures the state; it is encoded later, on the snapshot
     * thread, while the models go on changing: what is written is still the state as of
     * the capture (orders filled, amended and done since, fills and clOrdIds added since
     * change nothing in it).
     */
    @Test
    void shouldWriteTheStateAsOfTheCaptureWhateverHappensBeforeItIsEncoded() {
        ReadModels live = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(11, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300);
        Command command = new Command();
        run(3_000, live, engine, flow, command);
        String atCapture = describe(live);
        DeferredState captured = live.captureState();
        run(3_000, live, engine, flow, command);
        assertNotEquals(atCapture, describe(live), "the models moved on before the state was encoded");

        StateBuffer bytes = new StateBuffer(1 << 16);
        captured.writeTo(bytes);
        ReadModels restored = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        restored.readState(new StateBuffer(16).load(bytes.array(), 0, bytes.length()), ViewsSnapshots.VERSION);
        assertEquals(atCapture, describe(restored));
    }

    /**
     * The file is written as it is encoded, in pieces: the snapshot thread allocates about
     * a piece, not a buffer the size of the file (here over 20 MB: 200,000 clOrdIds of the
     * day and 65,536 kept done orders).
     */
    @Test
    void shouldWriteTheFileInPiecesWithoutABufferOfItsSize() throws Exception {
        ReadModels live = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        LogicDriver engine = new LogicDriver();
        run(200_000, live, engine, new RandomOrderFlow(15, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300), new Command());
        long allocated;
        try (ViewsSnapshots snapshots = new ViewsSnapshots(dir, live)) {
            snapshots.onEvent(taken(200_000));
            Path file = dir.resolve(String.format("views-%020d.rbv", 200_000));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (Files.notExists(file) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            allocated = ThreadAllocation.of("ringbook-views-snapshot");
            assertTrue(Files.size(file) > 20 << 20, "a file of " + Files.size(file) + " bytes");
            assertTrue(allocated < 6 << 20, "the snapshot thread allocated " + allocated + " bytes for a file of " + Files.size(file));
        }
        ReadModels restored = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        assertEquals(200_000, new ViewsSnapshots(dir, restored).restore(sequence -> true));
        assertEquals(describe(live), describe(restored));
    }

    /** A file of format version 2 (clOrdIds entry by entry), checksum and all, is skipped: the start reads the whole output journal. */
    @Test
    void shouldSkipAFileOfAnotherVersion() throws Exception {
        Path file = snapshotAfter1000Commands(17);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(ViewsSnapshots.VERSION, bytes.getInt(8));
        bytes.putInt(8, 2);
        writeWithItsChecksum(file, bytes);
        assertEquals(0, new ViewsSnapshots(dir, new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK)).restore(sequence -> true));
    }

    /**
     * A file that passes its checks but whose state this build cannot read stops the start
     * that met it (its models are half filled) and is set aside, so the next start rebuilds
     * the models from the output journal without anyone editing files.
     */
    @Test
    void shouldSetAsideAFileThatPassesItsChecksButCannotBeRead() throws Exception {
        Path file = snapshotAfter1000Commands(19);
        byte[] written = Files.readAllBytes(file);
        int header = Long.BYTES + Integer.BYTES + Long.BYTES;
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(header + Long.BYTES + Integer.BYTES + Long.BYTES)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.put(written, 0, header).putLong(7).putInt(1_000); // a thousand open orders announced, none there
        writeWithItsChecksum(file, bytes);

        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new ViewsSnapshots(dir, new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK)).restore(sequence -> true));
        assertTrue(refused.getMessage().contains("start again"), refused.getMessage());
        assertTrue(!Files.exists(file) && Files.exists(dir.resolve(file.getFileName() + ".unreadable")));
        assertEquals(0, new ViewsSnapshots(dir, new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK)).restore(sequence -> true),
                "the next start finds no snapshot to read and rebuilds from the output journal");
    }

    /** The read-model file of a snapshot at sequence 1,000, after a seeded random flow of as many commands. */
    private Path snapshotAfter1000Commands(int seed) throws Exception {
        ReadModels live = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        run(1_000, live, new LogicDriver(), new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300), new Command());
        try (ViewsSnapshots snapshots = new ViewsSnapshots(dir, live)) {
            snapshots.onEvent(taken(1_000));
        }
        return dir.resolve(String.format("views-%020d.rbv", 1_000));
    }

    /** Writes {@code bytes} as the file, its last eight bytes the checksum of all before them. */
    private static void writeWithItsChecksum(Path file, java.nio.ByteBuffer bytes) throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes.array(), 0, bytes.capacity() - Long.BYTES);
        bytes.putLong(bytes.capacity() - Long.BYTES, crc.getValue());
        Files.write(file, bytes.array());
    }

    private static EngineEvent taken(long sequence) {
        EngineEvent taken = new EngineEvent();
        taken.type = EventType.SNAPSHOT_TAKEN;
        taken.sequence = sequence;
        return taken;
    }

    /**
     * Models restored from a state go on exactly as the live ones: after 3,000 more
     * commands on two symbols both give the same orders, positions and depth, and each
     * symbol's market-data sequence goes on from the state's (the levels were counted
     * again from the restored open orders, not read).
     */
    @Test
    void shouldGoOnFromARestoredStateAsTheLiveModelsDoOnEverySymbol() {
        ReadModels live = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow[] flows = {new RandomOrderFlow(17, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300),
                new RandomOrderFlow(18, DemoMarket.ACCOUNTS, 0, 5_000)};
        Command command = new Command();
        runOnBoth(3_000, engine, flows, command, live);
        StateBuffer bytes = new StateBuffer(1 << 16);
        live.writeState(bytes);
        ReadModels restored = new ReadModels(DemoMarket.ACCOUNTS, SYMBOLS, CLOCK);
        restored.readState(new StateBuffer(16).load(bytes.array(), 0, bytes.length()), ViewsSnapshots.VERSION);
        assertEquals(depthOf(live), depthOf(restored), "the levels counted again from the open orders");

        runOnBoth(3_000, engine, flows, command, live, restored);
        assertEquals(describe(live), describe(restored));
        assertEquals(depthOf(live), depthOf(restored));
        assertTrue(live.depth().sequence(0) > 1_000 && live.depth().sequence(DemoMarket.TEST) > 1_000, depthOf(live));
    }

    /** Sends each command of the two flows in turn to the engine, and its events to every set of models. */
    private static void runOnBoth(int commands, LogicDriver engine, RandomOrderFlow[] flows, Command command, ReadModels... models) {
        for (int i = 0; i < commands; i++) {
            engine.advanceNanos(50_000_000L);
            for (EngineEvent event : engine.send(flows[i % 2].next(command, engine.now()))) {
                for (ReadModels set : models) {
                    set.listeners().forEach(listener -> listener.onEvent(event));
                }
            }
        }
    }

    private static String depthOf(ReadModels models) {
        StringBuilder text = new StringBuilder();
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            DepthBook.Snapshot depth = models.depth().snapshot(symbol, 1_000);
            text.append(symbol).append('@').append(depth.sequence()).append(Arrays.toString(depth.bidPrices()))
                    .append(Arrays.toString(depth.bidQuantities())).append(Arrays.toString(depth.askPrices()))
                    .append(Arrays.toString(depth.askQuantities())).append('\n');
        }
        return text.toString();
    }

    private static void run(int commands, ReadModels models, LogicDriver engine, RandomOrderFlow flow, Command command) {
        for (int i = 0; i < commands; i++) {
            engine.advanceNanos(50_000_000L);
            for (EngineEvent event : engine.send(flow.next(command, engine.now()))) {
                models.listeners().forEach(listener -> listener.onEvent(event));
            }
        }
    }

    private static String describe(ReadModels models) {
        StringBuilder text = new StringBuilder();
        for (int account = 0; account < DemoMarket.ACCOUNTS; account++) {
            models.orders().list(account, Set.of(), state -> true, Integer.MAX_VALUE).forEach(view -> text.append(view.state())
                    .append(view.fills().stream().map(fill -> fill.tradeId).toList()).append(view.original().qty).append('\n'));
            models.orders().list(account, Set.of(OrderStatus.PARTIALLY_FILLED), state -> true, 5)
                    .forEach(view -> text.append("partly ").append(view.state().orderId).append('\n'));
            models.orders().fills(account, fill -> true, Integer.MAX_VALUE).forEach(fill -> text.append(fill).append('\n'));
            for (int symbol = 0; symbol < SYMBOLS; symbol++) {
                text.append(Arrays.toString(models.positions().position(account, symbol))).append('\n');
            }
        }
        for (Side side : Side.values()) {
            models.orders().openOrders(DemoMarket.TEST, side, Integer.MAX_VALUE).forEach(order -> text.append(order.orderId).append(' '));
        }
        DepthBook.Snapshot depth = models.depth().snapshot(DemoMarket.TEST, 50);
        text.append(depth.sequence()).append(Arrays.toString(depth.bidPrices())).append(Arrays.toString(depth.bidQuantities()))
                .append(Arrays.toString(depth.askPrices())).append(Arrays.toString(depth.askQuantities())).append('\n');
        text.append(models.trades().recent(DemoMarket.TEST, 1000)).append(models.trades().volume24h(DemoMarket.TEST));
        return text.toString();
    }
}

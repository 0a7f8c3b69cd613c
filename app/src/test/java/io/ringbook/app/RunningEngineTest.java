package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningEngineTest {

    @TempDir
    Path dir;

    @Test
    void shouldTradeTheDemoSymbolsBetweenDemoAccounts() throws Exception {
        try (RunningEngine engine = RunningEngine.startDemo(dir.resolve("data"), false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            var btc = engine.referenceData().symbols().find("BTC-USD").orElseThrow();
            int t1 = engine.referenceData().accounts().find("T1").orElseThrow();
            int t2 = engine.referenceData().accounts().find("T2").orElseThrow();
            long price = btc.ticks(new java.math.BigDecimal("30000.25"));
            long qty = btc.lots(new java.math.BigDecimal("0.5"));
            engine.pipeline().publisher().submit(slot ->
                    slot.newOrder(t1, btc.id(), Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, qty)).get(5, TimeUnit.SECONDS);
            List<EngineEvent> outcome = engine.pipeline().publisher().submit(slot ->
                    slot.newOrder(t2, btc.id(), Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, qty)).get(5, TimeUnit.SECONDS);
            EngineEvent fill = outcome.get(1);
            assertEquals(EventType.ORDER_FILLED, fill.type);
            assertEquals("30000.25", btc.price(fill.lastPrice).toPlainString());
            assertEquals("0.5000", btc.qty(fill.lastQty).toPlainString());
            assertTrue(Files.isDirectory(dir.resolve("data")));
        }
    }

    @Test
    void shouldTakeASnapshotOnDemandAndRecoverFromIt() throws Exception {
        long sequence;
        try (RunningEngine engine = RunningEngine.startDemo(dir.resolve("data"), false,
                PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH, Ports.any())) {
            engine.pipeline().publisher().submit(slot ->
                    slot.newOrder(0, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5)).get(5, TimeUnit.SECONDS);
            sequence = engine.snapshotNow().get(5, TimeUnit.SECONDS);
        }
        try (RunningEngine restarted = RunningEngine.startDemo(dir.resolve("data"), false,
                PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH, Ports.any())) {
            assertEquals(sequence, restarted.recovery().snapshotSequence(), "the on-demand snapshot was written and used");
            assertEquals(0, restarted.recovery().commandsReplayed());
            assertEquals(5, restarted.pipeline().logic().book(2).levelQty(Side.BUY, 100));
        }
    }

    @Test
    void shouldMoveAUsedDataDirectoryAsideWhenFreshAndSaySoInTheBanner() throws Exception {
        Path old = Files.createDirectories(dir.resolve("data/old"));
        Files.writeString(old.resolve("file"), "x");
        try (RunningEngine engine = RunningEngine.startDemo(dir.resolve("data"), true, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH,
                Ports.any())) {
            assertTrue(Files.isDirectory(dir.resolve("data/journal/input")));
            assertFalse(Files.exists(old), "the engine starts on an empty directory");
            Path aside = engine.movedAside();
            assertTrue(aside.getFileName().toString().matches("data\\.old-\\d{8}T\\d{6}Z"), aside.toString());
            assertEquals("x", Files.readString(aside.resolve("old/file")), "nothing was deleted");
            String banner = StartBanner.of(engine, PipelineConfig.DEFAULTS, WaitStrategies.choose(null, null, null, 2), engine.profile().run());
            assertTrue(banner.contains("the previous data was moved aside to " + aside), banner);
        }
        try (RunningEngine engine = RunningEngine.startDemo(dir.resolve("empty"), true, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH,
                Ports.any())) {
            assertNull(engine.movedAside(), "an empty or new directory is not moved");
        }
    }

    @Test
    void shouldRefuseUnknownCommandsAndMissingConfigFilesWithAMessage() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured));
        try {
            assertEquals(2, RingbookCommand.run("launch"));
            assertTrue(captured.toString().contains("Unmatched argument at index 0: 'launch'"), captured.toString());
            assertEquals(2, RingbookCommand.run("start", "--config", "x.yaml"));
            assertTrue(captured.toString().contains("ringbook: x.yaml: no such file"), captured.toString());
        } finally {
            System.setErr(err);
        }
    }
}

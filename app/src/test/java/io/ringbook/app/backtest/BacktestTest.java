package io.ringbook.app.backtest;

import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.ProfileFileTest;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.Journal;
import io.ringbook.journal.OutputJournal;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backtests of a recorded run (as recorded, and under a tighter limit) and of an order file. */
class BacktestTest {

    @TempDir
    Path dir;

    private final PrintStream progress = new PrintStream(new ByteArrayOutputStream());

    @Test
    @SuppressWarnings("unchecked")
    void unchangedSettingsReproduceTheRunAndATighterLimitRejectsExactlyTheLargerOrders() throws Exception {
        Path data = dir.resolve("data");
        int bigAccepted = record(data);
        BacktestRun same = new BacktestRun(DemoProfile.referenceData(), null, progress);
        same.journal(data, Long.MIN_VALUE, Long.MAX_VALUE);
        Map<String, Object> report = same.report();
        Map<String, Object> comparison = (Map<String, Object>) report.get("comparison");
        assertEquals(0L, comparison.get("nowRejected"));
        assertEquals(0L, comparison.get("noLongerRejected"));
        for (Object pnl : ((Map<String, Object>) comparison.get("pnl")).values()) {
            assertEquals("0", ((Map<String, Object>) pnl).get("difference"));
        }
        assertTrue(((Map<String, Object>) report.get("overall")).get("fills") instanceof Long);

        Path settings = dir.resolve("tight.yaml");
        Files.writeString(settings, "limits:\n  \"*\": {maxOrderQty: {\"*\": \"2\"}}\n");
        BacktestRun tight = new BacktestRun(DemoProfile.referenceData(), settings, progress);
        tight.journal(data, Long.MIN_VALUE, Long.MAX_VALUE);
        Map<String, Object> tighter = (Map<String, Object>) tight.report().get("comparison");
        assertEquals((long) bigAccepted, tighter.get("nowRejected"), "exactly the accepted orders of 3 lots");
        for (Map<String, Object> change : (List<Map<String, Object>>) tighter.get("nowRejectedOrders")) {
            assertEquals("MAX_ORDER_QTY", change.get("now"));
        }
        Path html = dir.resolve("report.html");
        tight.report(html);
        assertTrue(Files.readString(html).contains("<svg"));
        Path json = dir.resolve("report.json");
        tight.report(json);
        assertTrue(Files.readString(json).contains("\"nowRejected\""));
        assertTrue(Files.exists(data.resolve("journal")), "the source is untouched");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWholeProfileFileReplacesTheDemoForAnOrderFileButMustMatchARecording() throws Exception {
        Path file = dir.resolve("funds.csv");
        OrderFiles.write(file,
                "2026-11-23T10:00:00Z,NEW,FUND1,a-1,,BTC-USD,SELL,LIMIT,60000,1,GTC",
                "2026-11-23T10:00:01Z,NEW,FUND2,b-1,,BTC-USD,BUY,LIMIT,60000,6,GTC",
                "2026-11-23T10:00:02Z,NEW,FUND2,b-2,,BTC-USD,BUY,LIMIT,70000,1,GTC");
        BacktestRun run = new BacktestRun(DemoProfile.referenceData(), ProfileFileTest.EXAMPLE, progress);
        run.orders(file, false);
        Map<String, Object> fund2 = (Map<String, Object>) ((Map<String, Object>) run.report().get("accounts")).get("FUND2");
        assertEquals(Map.of("MAX_ORDER_QTY", 1L, "PRICE_BAND", 1L), fund2.get("rejects"), "the file's limits and band apply");

        Path data = dir.resolve("data");
        record(data);
        BacktestRun mismatched = new BacktestRun(DemoProfile.referenceData(), ProfileFileTest.EXAMPLE, progress);
        ConfigException refused = assertThrows(ConfigException.class, () -> mismatched.journal(data, Long.MIN_VALUE, Long.MAX_VALUE));
        assertTrue(refused.getMessage().contains("differ from the recording's"), refused.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrderFileRunsAndItsBadRowsAreNamedByLine() throws Exception {
        Path file = dir.resolve("orders.csv");
        OrderFiles.write(file,
                "2026-11-23T10:00:00Z,NEW,T1,a-1,,TEST,SELL,LIMIT,100,5,GTC",
                "2026-11-23T10:00:01Z,NEW,T2,b-1,,TEST,BUY,LIMIT,101,2,",
                "2026-11-23T10:00:02Z,AMEND,T1,a-2,a-1,TEST,,,,4,",
                "2026-11-23T10:00:03Z,NEW,T2,b-2,,TEST,BUY,MARKET,,1,IOC",
                "2026-11-23T10:00:04Z,CANCEL,T1,a-3,a-2,,,,,,",
                "2026-11-23T10:00:05Z,NEW,T3,c-1,,TEST,BUY,LIMIT,100.5,1,GTC");
        BacktestRun strict = new BacktestRun(DemoProfile.referenceData(), null, progress);
        IOException bad = assertThrows(IOException.class, () -> strict.orders(file, false));
        assertEquals("orders.csv line 7: price 100.5 is not a positive multiple of 1", bad.getMessage());
        BacktestRun lenient = new BacktestRun(DemoProfile.referenceData(), null, progress);
        lenient.orders(file, true);
        Map<String, Object> report = lenient.report();
        assertEquals(List.of("orders.csv line 7: price 100.5 is not a positive multiple of 1"), report.get("skippedRows"));
        assertEquals(5L, report.get("commands"));
        Map<String, Object> t1 = (Map<String, Object>) ((Map<String, Object>) report.get("accounts")).get("T1");
        assertEquals(2L, t1.get("fills"), "2 lots, then 1 after the amend to 4");
        assertEquals("0", t1.get("pnl"), "sold 3 at 100, marked at 100: nothing gained or lost yet");
        assertEquals(Map.of("TEST", 0.6), t1.get("fillRatio"), "3 of the 5 lots it offered");
    }

    /** Records a run in {@code data}; returns how many accepted orders had 3 lots. */
    private static int record(Path data) throws Exception {
        ReferenceData demo = DemoProfile.referenceData();
        int bigAccepted = 0;
        try (Journal journal = Journal.open(data, Durability.PROCESS_CRASH)) {
            new InputJournal(journal).recordConfiguration(demo, 0, 1);
            EnginePipeline.Builder builder = EnginePipeline.builder(sink -> new io.ringbook.engine.logic.BusinessLogic(demo.symbols(),
                            demo.accounts().size(), RiskEngine.factory(demo.risk(), new RiskBoard(demo.risk())), sink, 1024))
                    .config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                    .journal(new InputJournal(journal))
                    .outputJournal(new OutputJournal(journal));
            try (EnginePipeline pipeline = builder.build().start()) {
                CommandPublisher engine = pipeline.publisher();
                for (int i = 0; i < 200; i++) {
                    int account = i % 4;
                    Side side = account % 2 == 0 ? Side.BUY : Side.SELL;
                    long price = 100 + (i % 5) - (side == Side.BUY ? 2 : 0);
                    long lots = 1 + (i % 3);
                    List<EngineEvent> events = engine.submit(c -> c.newOrder(account, 2, side, OrderType.LIMIT, TimeInForce.GTC, price,
                            lots)).get(5, TimeUnit.SECONDS);
                    if (lots == 3 && events.get(0).type == io.ringbook.engine.event.EventType.ORDER_ACCEPTED) {
                        bigAccepted++;
                    }
                }
            }
        }
        return bigAccepted;
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code replay} and {@code journal} commands as an auditor runs them, on a journal the real engine wrote. */
class JournalToolsTest {

    @TempDir
    Path data;

    @Test
    void shouldReplayIdenticallyAndListTheTradeForAuditors() throws Exception {
        try (RunningEngine engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            var btc = engine.referenceData().symbols().find("BTC-USD").orElseThrow();
            long price = btc.ticks(new BigDecimal("30000.25"));
            engine.pipeline().publisher().submit(slot -> {
                slot.newOrder(0, btc.id(), Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, btc.lots(new BigDecimal("0.5")));
                slot.clOrdId.set("ask-1");
            }).get(5, TimeUnit.SECONDS);
            engine.pipeline().publisher().submit(slot -> {
                slot.newOrder(1, btc.id(), Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, btc.lots(new BigDecimal("0.2")));
                slot.clOrdId.set("take-1");
            }).get(5, TimeUnit.SECONDS);
        }

        Output replay = run("replay", "--data", data.toString());
        assertEquals(0, replay.exitCode, replay.text);
        assertTrue(replay.text.contains("every output identical"), replay.text);

        Output fills = run("journal", "--data", data.toString(), "--type", "order-filled", "--account", "T2");
        assertEquals(0, fills.exitCode);
        List<String> lines = fills.text.lines().toList();
        assertEquals(1, lines.size(), fills.text);
        String fill = lines.get(0);
        for (String field : List.of("\"type\":\"ORDER_FILLED\"", "\"account\":\"T2\"", "\"symbol\":\"BTC-USD\"", "\"side\":\"BUY\"",
                "\"lastPrice\":\"30000.25\"", "\"lastQty\":\"0.2000\"", "\"clOrdId\":\"take-1\"", "\"liquidity\":\"TAKER\"")) {
            assertTrue(fill.contains(field), field + " in " + fill);
        }

        Output none = run("journal", "--data", data.toString(), "--to", "2001-01-01T00:00:00Z");
        assertEquals("", none.text);
    }

    private record Output(int exitCode, String text) {
    }

    private static Output run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = RingbookCommand.run(args);
            return new Output(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}

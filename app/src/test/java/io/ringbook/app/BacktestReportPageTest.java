package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.backtest.BacktestRun;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backtest of a run of the app, its HTML report opened in a real headless Chromium: the
 * page renders its tables and chart, and its screenshot is docs/backtest.png, which the
 * manual (docs/MANUAL.md) shows. Skipped, with a notice, where no Chromium is installed.
 */
class BacktestReportPageTest {

    @TempDir
    Path dir;

    @Test
    void theHtmlReportRendersItsTablesAndChart() throws Exception {
        HeadlessChromium browser = HeadlessChromium.findOrSkip("BacktestReportPageTest", dir.resolve("chromium-profile"));
        Path data = dir.resolve("data");
        try (RunningEngine engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS.withClockTickMillis(0),
                Durability.PROCESS_CRASH, Ports.any())) {
            CommandPublisher publisher = engine.pipeline().publisher();
            for (int i = 0; i < 400; i++) {
                int account = i % 4;
                Side side = (i / 4 + account) % 2 == 0 ? Side.BUY : Side.SELL;
                long drift = Math.round(10 * Math.sin(i / 30.0));
                long price = 100 + drift + (i % 5) - (side == Side.BUY ? 2 : 0);
                long lots = 1 + (i % 3);
                publisher.submit(c -> c.newOrder(account, 2, side, OrderType.LIMIT, TimeInForce.IOC, price, lots)).get(5, TimeUnit.SECONDS);
                publisher.submit(c -> c.newOrder((account + 1) % 4, 2, side.opposite(), OrderType.LIMIT, TimeInForce.GTC, price, lots))
                        .get(5, TimeUnit.SECONDS);
            }
        }
        Path settings = dir.resolve("tight.yaml");
        Files.writeString(settings, "limits:\n  T1: {maxOrderQty: {\"*\": \"2\"}}\n");
        BacktestRun run = new BacktestRun(DemoProfile.referenceData(), settings, new PrintStream(new ByteArrayOutputStream()));
        run.journal(data, Long.MIN_VALUE, Long.MAX_VALUE);
        Path report = dir.resolve("backtest.html");
        run.report(report);
        String dom = browser.dom(report.toUri().toString());
        assertTrue(dom.contains("<h1>Backtest</h1>"));
        assertTrue(dom.contains("<polyline"), "the PnL chart");
        assertTrue(dom.contains("would now be rejected"), "the comparison with the recorded run");
        assertTrue(dom.contains("<h3>Now rejected</h3><table><tbody><tr><th>sequence</th><th>orderId</th><th>clOrdId</th><th>account</th>"
                + "<th>symbol</th><th>recorded</th><th>now</th></tr><tr>"), "the orders the tighter limit rejects, by id");
        assertTrue(dom.contains("<td class=\"text\">T1</td><td class=\"text\">TEST</td><td class=\"text\">ACCEPTED</td>"
                + "<td class=\"text\">MAX_ORDER_QTY</td>"), "with account, symbol and both outcomes");
        browser.screenshot(report.toUri().toString(), Path.of("..", "docs", "backtest.png").toAbsolutePath().normalize());
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operators' commands as the launcher runs them: backup, backup verify, restore, retain, backtest and their exit codes. */
class OperationsCommandsTest {

    @TempDir
    Path dir;

    @Test
    void backupVerifyRestoreRetainAndBacktestFromTheCommandLine() throws Exception {
        Path data = dir.resolve("data");
        try (RunningEngine engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any())) {
            for (int i = 0; i < 20; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                int account = i % 2;
                engine.pipeline().publisher().submit(c -> c.newOrder(account, 2, side, OrderType.LIMIT, TimeInForce.GTC, 100, 1))
                        .get(5, TimeUnit.SECONDS);
            }
        }
        String backup = dir.resolve("backup").toString();
        assertEquals(0, RingbookCommand.run("backup", "--data", data.toString(), "--to", backup, "--compress"));
        assertEquals(2, RingbookCommand.run("backup", "--to", backup), "--data is required");
        String rotated = dir.resolve("rotated").toString();
        assertEquals(0, RingbookCommand.run("backup", "--data", data.toString(), "--to", rotated, "--keep-daily", "2", "--keep-weekly", "1"));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertEquals(0, RingbookCommand.run("backup", "verify", rotated + "/daily/" + today), "today's set is a whole backup");
        assertEquals(2, RingbookCommand.run("backup", "--data", data.toString(), "--to", rotated, "--keep-weekly", "1"));
        assertEquals(0, RingbookCommand.run("backup", "verify", backup));
        assertEquals(0, RingbookCommand.run("restore", "--from", backup, "--data", dir.resolve("restored").toString(), "--to-seq", "10"));
        assertTrue(Files.isDirectory(dir.resolve("restored").resolve("journal")));
        assertEquals(0, RingbookCommand.run("retain", "--data", data.toString(), "--backup", backup, "--keep-days", "0"));
        Path report = dir.resolve("report.json");
        assertEquals(0, RingbookCommand.run("backtest", "--data", data.toString(), "--report", report.toString()));
        assertTrue(Files.readString(report).contains("\"nowRejected\" : 0"));

        try (Stream<Path> files = Files.list(dir.resolve("backup"))) {
            Path segment = files.filter(f -> f.toString().endsWith(".seg.gz")).findFirst().orElseThrow();
            Files.write(segment, new byte[] {1, 2, 3});
        }
        assertEquals(1, RingbookCommand.run("backup", "verify", backup), "a damaged backup does not verify");
    }
}

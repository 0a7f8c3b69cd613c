package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.ProfileFileTest;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start banner as an operator reads it, and the access log held back until it is printed. */
class StartBannerTest {

    @TempDir
    Path dir;

    @Test
    void shouldSpellOutSenderCompIdsAndPutBackupsBeforeTheLastLine() {
        var example = ProfileFile.read(ProfileFileTest.EXAMPLE, ProfileFileTest.ENVIRONMENT::get).withPorts(Ports.any());
        try (RunningEngine engine = RunningEngine.start(example, dir.resolve("data"), false, PipelineConfig.DEFAULTS,
                Durability.PROCESS_CRASH)) {
            List<String> lines = StartBanner.of(engine, PipelineConfig.DEFAULTS, WaitStrategies.choose(null, null, null, 2), example.run()).lines().toList();
            String fix = lines.stream().filter(l -> l.startsWith("  FIX 4.4")).findFirst().orElseThrow();
            assertTrue(fix.contains("SenderCompID the account names, but FUND2 logs on as FUND2-FIX, Password(554) fixPassword of "), fix);
            assertFalse(String.join("\n", lines).contains("{"), "no map printed raw: " + lines);
            assertTrue(lines.get(lines.size() - 2).startsWith("  backups   "), "backups just before the last line: " + lines);
            assertTrue(lines.get(lines.size() - 1).startsWith("Stop with Ctrl-C"), lines.toString());
        }
    }

    @Test
    void shouldHoldAccessLogLinesUntilReleasedThenWriteThemInOrder() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            AccessLogHold hold = AccessLogHold.begin();
            LoggerFactory.getLogger("ringbook.access").info("{\"line\":1}");
            LoggerFactory.getLogger("ringbook.access").info("{\"line\":2}");
            System.out.println("BANNER");
            hold.release();
            LoggerFactory.getLogger("ringbook.access").info("{\"line\":3}");
            assertEquals(List.of("BANNER", "{\"line\":1}", "{\"line\":2}", "{\"line\":3}"),
                    captured.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start's warm-up trades a real scratch engine (journal, pipeline, doors' listeners)
 * and leaves nothing behind: its directory is deleted, and the engine that starts after
 * it begins its own day as if there had been none.
 */
class WarmUpTest {

    private static final int COMMANDS = 5_000;

    @TempDir
    Path dir;

    @Test
    void shouldTradeEveryCommandThroughAScratchEngineAndDeleteItsDirectory() throws Exception {
        Logger accessLog = (Logger) LoggerFactory.getLogger("ringbook.access");
        ListAppender<ILoggingEvent> accessLines = new ListAppender<>();
        accessLines.start();
        accessLog.addAppender(accessLines);
        WarmUp.Result done;
        try {
            done = WarmUp.run(DemoProfile.profile(), PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, COMMANDS);
        } finally {
            accessLog.detachAppender(accessLines);
        }

        assertEquals(COMMANDS, done.commands());
        int requests = COMMANDS / WarmUp.COMMANDS_PER_REQUEST;
        assertTrue(done.requests() * 10 >= requests * 7, "most REST requests served (2xx): " + done.requests() + " of " + requests);
        assertEquals(requests, done.fixRequests(), "every FIX request sent after a logon");
        assertTrue(done.trades() > COMMANDS / 20, "trades: " + done.trades());
        assertFalse(Files.exists(done.directory()), "scratch directory deleted: " + done.directory());
        assertFalse(done.directory().startsWith(dir), "a directory of its own");
        assertEquals(List.of(), accessLines.list, "the scratch door's requests are not the venue's: no access-log line");
    }

    @Test
    void shouldStartTheRealEngineOnItsOwnDayAfterTheWarmUp() throws Exception {
        Path data = dir.resolve("data");
        try (RunningEngine engine = RunningEngine.startWarmedUp(DemoProfile.profile().withPorts(Ports.any()), data, false,
                PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, COMMANDS)) {
            assertTrue(engine.warmedUp().matches(COMMANDS + " scratch commands, \\d+ REST requests served and " + COMMANDS
                    / WarmUp.COMMANDS_PER_REQUEST + " FIX requests \\(\\d+ trades\\) in .*"), engine.warmedUp());
            assertEquals(0, engine.recovery().lastSequence());
            List<EngineEvent> events = engine.pipeline().publisher()
                    .submit(c -> firstOrder(c))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(EventType.ORDER_ACCEPTED, events.get(0).type);
            assertEquals(1, events.get(0).orderId, "the first orderId of the real engine's day");
            assertEquals(0, engine.pipeline().logic().lastTradeId(), "no trade of the warm-up's");
        }
    }

    @Test
    void shouldWarmUpAsTheStartCommandIsToldAndSaySoInTheBanner() throws Exception {
        StartCommand start = new StartCommand();
        new CommandLine(start).parseArgs("--data", dir.resolve("data").toString(), "--rest-port", "0", "--admin-port", "0",
                "--fix-port", "0", "--warm-up", "2000");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AutoCloseable running = start.launch(new PrintStream(printed, true, StandardCharsets.UTF_8), 2)) {
            String banner = printed.toString(StandardCharsets.UTF_8);
            assertTrue(banner.contains("\n  warm-up   2000 scratch commands, "), banner);
            assertTrue(banner.contains("recovered to sequence 0 "), banner);
        }
        assertEquals(StartCommand.DEFAULT_WARM_UP, new StartCommand().warmUpCommands, "a start warms up unless told otherwise");
    }

    /** The real engine's first order, with a clOrdId the warm-up also used: the warm-up's day is not the engine's. */
    private static void firstOrder(Command c) {
        c.newOrder(0, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1);
        c.clOrdId.set("warm-up-1");
    }
}

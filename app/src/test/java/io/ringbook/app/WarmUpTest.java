package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start's warm-up trades a real scratch engine (journal, pipeline, doors' listeners)
 * and leaves nothing behind: its directory is deleted, and the engine that starts after
 * it begins its own day as if there had been none.
 */
class WarmUpTest {

    /** 32 requests a door: every REST client (four) goes through all eight kinds of request. */
    private static final int COMMANDS = 6_400;
    private static final Pattern REST_PORT = Pattern.compile("REST +http://127\\.0\\.0\\.1:(\\d+)");

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
        long[] served = done.restServedByKind();
        assertTrue(Arrays.stream(served).allMatch(kind -> kind > 0), "every kind of REST request served (2xx): " + Arrays.toString(served));
        assertTrue(done.restServed() * 10 >= requests * 7, "most REST requests served: " + done.restServed() + " of " + requests);
        assertEquals(requests, done.fixRequests(), "every FIX request sent after a logon");
        assertTrue(done.fixReports() >= requests, "a FIX report for each request: " + done.fixReports());
        assertTrue(done.trades() > COMMANDS / 20, "trades: " + done.trades());
        assertFalse(Files.exists(done.directory()), "scratch directory deleted: " + done.directory());
        assertFalse(done.directory().startsWith(dir), "a directory of its own");
        assertEquals(List.of(), accessLines.list, "the scratch door's requests are not the venue's: no access-log line");
    }

    @Test
    void shouldWarmUpAsTheStartCommandIsToldAndThenStartTheEngineOnItsOwnDay() throws Exception {
        StartCommand start = new StartCommand();
        new CommandLine(start).parseArgs("--data", dir.resolve("data").toString(), "--rest-port", "0", "--admin-port", "0",
                "--fix-port", "0", "--warm-up", String.valueOf(COMMANDS));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (AutoCloseable running = start.launch(new PrintStream(printed, true, StandardCharsets.UTF_8), 2)) {
            String banner = printed.toString(StandardCharsets.UTF_8);
            assertTrue(Pattern.compile("\n  warm-up   " + COMMANDS + " scratch commands, \\d+ REST requests served and "
                    + COMMANDS / WarmUp.COMMANDS_PER_REQUEST + " FIX requests \\(\\d+ trades\\) in \\d+ ms before opening")
                    .matcher(banner).find(), banner);
            assertTrue(banner.contains("recovered to sequence 0 "), banner);
            Matcher rest = REST_PORT.matcher(banner);
            assertTrue(rest.find(), banner);
            TestHttp door = TestHttp.at(Integer.parseInt(rest.group(1))).header("X-API-Key", "t1-key");
            JsonNode book = TestHttp.ok(door.send("GET", "/api/v1/book/TEST", null));
            assertEquals(0, book.path("bids").size() + book.path("asks").size(), "nothing of the warm-up's on the book: " + book);
            // a clOrdId the warm-up's first REST client used: the warm-up's day is not the engine's
            HttpResponse<String> placed = door.send("POST", "/api/v1/orders",
                    TestHttp.limitOrder("warm-up-rest-0-0", "TEST", "BUY", "100", "1"));
            assertEquals(201, placed.statusCode(), placed.body());
            JsonNode order = TestHttp.json(placed);
            assertEquals(1, order.path("orderId").asLong(), "the first orderId of the real engine's day: " + placed.body());
        }
        assertEquals(StartCommand.DEFAULT_WARM_UP, new StartCommand().warmUpCommands, "a start warms up unless told otherwise");
    }
}

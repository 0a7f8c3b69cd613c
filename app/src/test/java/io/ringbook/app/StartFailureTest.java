package io.ringbook.app;

import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.testing.FileBytes;
import io.ringbook.journal.Durability;
import io.ringbook.journal.codec.JournalFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start whose late step fails (the output journal's replay into the read models, the
 * FIX acceptor) closes what it had started, in reverse: both HTTP servers stop
 * listening and the journal is released, so the next start on the same ports and data works.
 */
class StartFailureTest {

    @TempDir
    Path dir;

    @Test
    void aFailingOutputReplayLeavesNothingOpen() throws Exception {
        Path data = dir.resolve("data");
        Ports ports = new Ports(freePort(), freePort(), freePort());
        try (RunningEngine engine = start(data, ports)) {
            for (int i = 0; i < 5; i++) {
                engine.pipeline().publisher().submit(slot ->
                        slot.newOrder(0, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5)).get(5, TimeUnit.SECONDS);
            }
        }
        Path output = JournalFiles.queueFile(data.resolve("journal/output"));
        long firstBatch = FileBytes.firstIndexOf(output, JournalFiles.MAGIC);
        FileBytes.flipByte(output, firstBatch + 40);

        JournalFormatException refused = assertThrows(JournalFormatException.class, () -> start(data, ports).close());
        assertTrue(refused.getMessage().contains("output journal excerpt"), refused.getMessage());
        assertPortsFree(ports);
    }

    @Test
    void aFixPortInUseLeavesNothingOpenAndTheNextStartWorks() throws Exception {
        Path data = dir.resolve("data");
        Ports ports = new Ports(freePort(), freePort(), freePort());
        try (ServerSocket taken = new ServerSocket(ports.fix(), 1, InetAddress.getByName("127.0.0.1"))) {
            ConfigException refused = assertThrows(ConfigException.class, () -> start(data, ports).close());
            assertTrue(refused.getMessage().contains("port " + ports.fix()), refused.getMessage());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().equals("ringbook-logic")), "the pipeline's threads stopped");
            assertPortsFree(new Ports(ports.rest(), ports.admin(), freePort()));
        }
        try (RunningEngine engine = start(data, ports)) {
            assertEquals(ports.fix(), engine.fixPort());
        }
    }

    @Test
    void aDamagedBatchBeforeTheTailRefusesTheStartInOneLine() throws Exception {
        Path data = dir.resolve("data");
        try (RunningEngine engine = start(data, Ports.any())) {
            engine.pipeline().publisher().submit(slot ->
                    slot.newOrder(0, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5)).get(5, TimeUnit.SECONDS);
        }
        Path input = JournalFiles.queueFile(data.resolve("journal/input"));
        FileBytes.flipByte(input, FileBytes.firstIndexOf(input, JournalFiles.MAGIC) + 40);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, RingbookCommand.run("start", "--data", data.toString(), "--rest-port", "0", "--admin-port", "0",
                    "--fix-port", "0"));
        } finally {
            System.setErr(err);
        }
        String told = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = told.lines().filter(line -> line.startsWith("ringbook: ")).toList();
        assertEquals(1, lines.size(), told);
        assertTrue(lines.get(0).matches("ringbook: cannot start on .*: input journal excerpt at index [0-9a-f]+: checksum mismatch.*"),
                told);
        assertFalse(told.contains("\tat "), "no stack trace: " + told);
    }

    private static RunningEngine start(Path data, Ports ports) {
        return RunningEngine.start(DemoProfile.profile().withPorts(ports), data, false,
                PipelineConfig.DEFAULTS.withClockTickMillis(0), Durability.PROCESS_CRASH);
    }

    private static void assertPortsFree(Ports ports) throws IOException {
        for (int port : new int[] {ports.rest(), ports.admin(), ports.fix()}) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, free.getLocalPort());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}

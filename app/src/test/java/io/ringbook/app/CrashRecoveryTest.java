package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.ReplayVerifier;
import io.ringbook.journal.codec.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine in its own JVM, killed with SIGKILL: once when idle (the restarted engine
 * must hold exactly the book it had) and once mid-stream (every acknowledged order
 * must be in the journal, and the journal must replay to itself byte for byte).
 */
class CrashRecoveryTest {

    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":(\\d+)");

    @TempDir
    Path data;

    private Process server;

    @AfterEach
    void killServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedOrderAcrossSigkill() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        EngineProcess first = start();
        for (int i = 0; i < 400; i++) {
            first.order(random);
        }
        String bookBeforeKill = first.dump();
        first.kill();

        EngineProcess second = start();
        assertEquals(bookBeforeKill, second.dump(), "the restarted engine holds exactly the book it had");
        Map<Long, String> acknowledged = new HashMap<>();
        for (int i = 0; i < 6_000; i++) {
            second.order(random);
        }
        while (acknowledged.size() < 2_000) {
            String[] ack = second.readLine().split(" ");
            acknowledged.put(Long.parseLong(ack[1]), ack[2] + " " + ack[3]);
        }
        second.kill();

        try (RunningEngine recovered = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS.withClockTickMillis(0),
                Durability.PROCESS_CRASH, Ports.any())) {
            assertTrue(recovered.recovery().lastSequence() >= 2_400, "recovered to " + recovered.recovery().lastSequence());
        }
        List<String> journaled = new ArrayList<>();
        JournalQuery.run(data, new JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE, RecordType.ORDER_ACCEPTED, null), journaled::add);
        List<Long> journaledIds = journaled.stream().map(CrashRecoveryTest::orderId).toList();
        for (long orderId : acknowledged.keySet()) {
            assertTrue(journaledIds.contains(orderId), "acknowledged order " + orderId + " is in the journal");
        }
        ReplayVerifier.Report replay = ReplayVerifier.verify(data, EngineLogic.replay(1 << 16));
        assertNull(replay.firstDifference());
        assertTrue(replay.commands() >= 2_400);
    }

    private static long orderId(String json) {
        Matcher matcher = ORDER_ID.matcher(json);
        assertTrue(matcher.find(), json);
        return Long.parseLong(matcher.group(1));
    }

    private EngineProcess start() throws IOException {
        EngineProcess started = EngineProcess.start(data);
        server = started.process();
        return started;
    }
}

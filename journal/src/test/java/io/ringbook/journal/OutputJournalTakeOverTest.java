package io.ringbook.journal;

import io.ringbook.engine.health.HealthComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output journal following the edges on the outbound thread (the small machine's
 * arrangement, the pipeline's default): an edge that stalls mid-run is cut off, and the
 * journal's own thread takes over the Chronicle appender the outbound thread was writing
 * with, so the output journal is still complete and replays byte for byte.
 */
class OutputJournalTakeOverTest {

    private static final long STALL_AT_EVENT = 5_000;

    @TempDir
    Path data;

    @Test
    void shouldKeepTheOutputJournalCompleteWhenAStalledEdgeIsCutOff() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong edgeEvents = new AtomicLong();
        try (JournaledEngine engine = new JournaledEngine(data, true, 0, JournaledEngine.DEMO, event -> {
            if (edgeEvents.incrementAndGet() == STALL_AT_EVENT) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            engine.run(7, 40_000);
            Map<String, Object> outbound = engine.pipeline.health().stream().filter(c -> c.name().equals("outboundListeners"))
                    .findFirst().map(HealthComponent::check).orElseThrow().details();
            assertTrue(outbound.get("cutOff").toString().startsWith("outbound:"), outbound.toString());
            assertEquals(0L, outbound.get("failures"), "the journal took over its appender without a failure: " + outbound);
            assertEquals(STALL_AT_EVENT, edgeEvents.get(), "the edge stalled where it was meant to");
            Map<String, Object> rings = engine.pipeline.health().stream().filter(c -> c.name().equals("ringBuffer"))
                    .findFirst().map(HealthComponent::check).orElseThrow().details();
            assertEquals("OWN", rings.get("outputJournalThread"), "health names the thread that journals now: " + rings);
            release.countDown();
        }
        ReplayVerifier.Report report = ReplayVerifier.verify(data, JournaledEngine::newLogic);
        assertNull(report.firstDifference());
        assertTrue(report.commands() >= 40_000, "commands " + report.commands());
    }
}

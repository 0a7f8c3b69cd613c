package io.ringbook.engine.pipeline;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edge that stops reading (a gateway blocked on a client that no longer reads) holds
 * the outbound ring only until it is cut off: order entry keeps being answered, the
 * output journal keeps receiving every event, and the pipeline's health names the edge.
 * The replies also never wait for the output journal.
 */
class StalledEdgeTest {

    private static final int ORDERS = 3 * 16_384;
    /** Orders in flight at once: fewer than the inbound ring holds. */
    private static final int WINDOW = 1_024;

    private final CountDownLatch release = new CountDownLatch(1);
    private EnginePipeline pipeline;

    @AfterEach
    void stop() {
        release.countDown();
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldCutAStalledEdgeOffAndKeepAnsweringAndJournaling() throws Exception {
        AtomicLong edgeEvents = new AtomicLong();
        AtomicLong journaled = new AtomicLong();
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .listener(event -> {
                    edgeEvents.incrementAndGet();
                    awaitRelease();
                })
                .outputJournal(event -> journaled.incrementAndGet())
                .build().start();
        HealthComponent listeners = pipeline.health().stream().filter(c -> c.name().equals("outboundListeners")).findFirst().orElseThrow();

        long events = 0;
        long started = System.nanoTime();
        for (int window = 0; window < ORDERS; window += WINDOW) {
            List<CompletableFuture<List<EngineEvent>>> replies = new ArrayList<>();
            for (int i = window; i < window + WINDOW; i++) {
                replies.add(order(i));
            }
            for (CompletableFuture<List<EngineEvent>> reply : replies) {
                List<EngineEvent> outcome = reply.get(10, TimeUnit.SECONDS);
                assertEquals(EventType.ORDER_ACCEPTED, outcome.get(0).type, "every order is answered");
                events += outcome.size();
            }
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 10_000, "three rings' worth of orders answered in " + tookMillis + " ms with an edge stalled");
        assertEquals(1, edgeEvents.get(), "the stalled edge got no further than its first event");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journaled.get() < events && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(events, journaled.get(), "the output journal received every event");
        assertEquals(HealthStatus.DEGRADED, listeners.check().status());
        assertTrue(listeners.check().details().get("cutOff").toString().startsWith("outbound: took no event for 1000 ms"), listeners.check().details().toString());
    }

    @Test
    void shouldAnswerCallersWhileTheOutputJournalIsStalled() throws Exception {
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .outputJournal(event -> awaitRelease())
                .build().start();
        for (int i = 0; i < 100; i++) {
            assertEquals(EventType.ORDER_ACCEPTED, order(i).get(10, TimeUnit.SECONDS).get(0).type, "answered before it is journaled");
        }
        HealthComponent listeners = pipeline.health().stream().filter(c -> c.name().equals("outboundListeners")).findFirst().orElseThrow();
        assertTrue((Long) listeners.check().details().get("output-journalLag") >= 100, "the journal, stalled at its first event, lags");
        assertEquals("none", listeners.check().details().get("cutOff"), "the output journal is never cut off");
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BusinessLogic logic(io.ringbook.engine.event.EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, ORDERS);
    }

    private CompletableFuture<List<EngineEvent>> order(int i) {
        return pipeline.publisher().submit(slot ->
                slot.newOrder(i % DemoMarket.ACCOUNTS, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100 + i % 50, 1));
    }
}

package io.ringbook.engine.pipeline;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edge that stops reading (a gateway blocked on a client that no longer reads) holds
 * the outbound ring only until it is cut off: order entry keeps being answered, the
 * output journal keeps receiving every event, and the pipeline's health names the edge.
 * The replies also never wait for the output journal on a thread of its own.
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

    /** Either thread for the journal: following the edges, its own thread, parked until then, takes over with the replies'. */
    @ParameterizedTest
    @EnumSource(OutputJournalThread.class)
    void shouldCutAStalledEdgeOffAndKeepAnsweringAndJournaling(OutputJournalThread journalThread) throws Exception {
        AtomicLong edgeEvents = new AtomicLong();
        AtomicLong journaled = new AtomicLong();
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(journalThread))
                .listener(event -> {
                    edgeEvents.incrementAndGet();
                    awaitRelease();
                })
                .outputJournal(event -> journaled.incrementAndGet())
                .build().start();
        HealthComponent listeners = outboundListeners();

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

    /** What an edge held for the end of its batch goes out when it is cut off mid-batch (a FIX session's held reports). */
    @Test
    void shouldFlushAnEdgeCutOffMidBatch() throws Exception {
        AtomicLong flushes = new AtomicLong();
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .listener(new EngineListener() {
                    @Override
                    public void onEvent(EngineEvent event) {
                        awaitRelease();
                    }

                    @Override
                    public void onEndOfBatch() {
                        flushes.incrementAndGet();
                    }
                })
                .build().start();
        for (int i = 0; i < 3; i++) {
            order(i);
        }
        HealthComponent listeners = outboundListeners();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ("none".equals(listeners.check().details().get("cutOff")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(listeners.check().details().get("cutOff").toString().startsWith("outbound:"), "the edge is cut off");
        long before = flushes.get();
        release.countDown();
        while (flushes.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(flushes.get() > before, "the edge's listeners flushed once it stopped");
    }

    /**
     * Mass cancels of 6,000 resting orders put two events an order on the ring at once; an edge
     * taking 250 us an event needs 3 s for them. It keeps taking events all along, so it
     * is slow, not stalled: it must not be cut off, and it must see every event.
     */
    @Test
    void shouldNotCutOffASlowEdgeThatKeepsTakingEvents() throws Exception {
        AtomicLong edgeEvents = new AtomicLong();
        AtomicBoolean slow = new AtomicBoolean();
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .listener(event -> {
                    edgeEvents.incrementAndGet();
                    long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(250);
                    while (slow.get() && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                })
                .build().start();
        int resting = 6_000;
        for (int window = 0; window < resting; window += WINDOW) {
            List<CompletableFuture<List<EngineEvent>>> replies = new ArrayList<>();
            for (int i = window; i < Math.min(resting, window + WINDOW); i++) {
                replies.add(order(i));
            }
            for (CompletableFuture<List<EngineEvent>> reply : replies) {
                reply.get(10, TimeUnit.SECONDS);
            }
        }
        slow.set(true);
        List<CompletableFuture<List<EngineEvent>>> cancels = new ArrayList<>();
        for (int account = 0; account < DemoMarket.ACCOUNTS; account++) {
            int of = account;
            cancels.add(pipeline.publisher().submit(slot -> slot.massCancel(of, DemoMarket.TEST)));
        }
        long canceled = 0;
        for (CompletableFuture<List<EngineEvent>> reply : cancels) {
            canceled += reply.get(30, TimeUnit.SECONDS).stream().filter(e -> e.type == EventType.ORDER_CANCELED).count();
        }
        assertEquals(resting, canceled, "every resting order canceled");
        HealthComponent listeners = outboundListeners();
        assertEquals("none", listeners.check().details().get("cutOff"), "a slow edge that keeps taking events is not cut off");
        assertTrue(edgeEvents.get() >= resting * 2L, "the edge saw every acceptance and every cancel: " + edgeEvents.get());
    }

    /** On a thread of its own (following the edges, a journal that blocks holds their thread: {@link OutputJournalThread}). */
    @Test
    void shouldAnswerCallersWhileTheOutputJournalIsStalled() throws Exception {
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(OutputJournalThread.OWN))
                .outputJournal(event -> awaitRelease())
                .build().start();
        for (int i = 0; i < 100; i++) {
            assertEquals(EventType.ORDER_ACCEPTED, order(i).get(10, TimeUnit.SECONDS).get(0).type, "answered before it is journaled");
        }
        HealthComponent listeners = outboundListeners();
        assertTrue((Long) listeners.check().details().get("output-journalLag") >= 100, "the journal, stalled at its first event, lags");
        assertEquals("none", listeners.check().details().get("cutOff"), "the output journal is never cut off");
    }

    /**
     * Following the edges on their thread, a journal append that takes longer than the
     * watchdog's grace (a disk that stalls) holds that thread with events waiting; the edges
     * must not be cut off for it (the journal is never cut off, and the read models would
     * go stale for a slow disk).
     */
    @Test
    void shouldNotCutTheEdgesOffForASlowJournalOnTheirThread() throws Exception {
        AtomicLong edgeEvents = new AtomicLong();
        AtomicLong journaled = new AtomicLong();
        long stallNanos = EdgeWatchdog.GRACE_NANOS * 3 / 2;
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(OutputJournalThread.FOLLOWING))
                .listener(event -> edgeEvents.incrementAndGet())
                .outputJournal(event -> {
                    if (journaled.getAndIncrement() == 0) {
                        long until = System.nanoTime() + stallNanos;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .build().start();
        CompletableFuture<List<EngineEvent>> first = order(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journaled.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        CompletableFuture<List<EngineEvent>> second = order(1);
        HealthComponent stuck = outboundListeners();
        HealthCheck during = stuck.check();
        while (during.status() == HealthStatus.UP && journaled.get() == 1 && System.nanoTime() < deadline) {
            during = stuck.check();
        }
        assertEquals(HealthStatus.DEGRADED, during.status(), "an append held for over a second shows in health: " + during.details());
        int events = first.get(10, TimeUnit.SECONDS).size() + second.get(10, TimeUnit.SECONDS).size();
        HealthComponent listeners = outboundListeners();
        assertEquals("none", listeners.check().details().get("cutOff"), "not cut off for the journal: " + listeners.check().details());
        while (journaled.get() < events && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(events, journaled.get(), "the journal took every event");
        assertEquals(events, edgeEvents.get(), "the edges took every event");
    }

    /**
     * Following the edges on their thread, a journal that takes a third of that thread's
     * time must not shield an edge that stays far behind: the edge is cut off once it has
     * spent a second of its own time behind (a check that happened to find the thread in
     * the journal once excused the whole second before).
     */
    @Test
    void shouldCutOffAnEdgeFarBehindThoughTheJournalSharesItsThread() throws Exception {
        pipeline = EnginePipeline.builder(StalledEdgeTest::logic)
                .config(new PipelineConfig(64, WaitStrategyKind.BLOCKING, 64, WaitStrategyKind.BLOCKING, 8, 0, 0,
                        OutputJournalThread.FOLLOWING))
                .listener(event -> spin(TimeUnit.MILLISECONDS.toNanos(2)))
                .outputJournal(event -> spin(TimeUnit.MILLISECONDS.toNanos(1)))
                .build().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int sent = 0;
        while (outboundListeners().check().details().get("cutOff").equals("none") && System.nanoTime() < deadline) {
            if (pipeline.publisher().tryPublish(slot -> slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 1))) {
                sent++;
            } else {
                Thread.sleep(1);
            }
        }
        String cutOff = String.valueOf(outboundListeners().check().details().get("cutOff"));
        assertTrue(cutOff.startsWith("outbound: stayed more than 48 events behind"), "cut off for being behind after " + sent + ": " + cutOff);
    }

    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private HealthComponent outboundListeners() {
        return pipeline.health().stream().filter(c -> c.name().equals("outboundListeners")).findFirst().orElseThrow();
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

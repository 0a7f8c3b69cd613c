package io.ringbook.engine.pipeline;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the output journal runs: following the edges on the outbound thread (the small
 * machine's choice), after each batch's replies and the edges' end of batch, or on a
 * thread of its own; and a journal that is slow on the edges' thread is not taken for a
 * stalled edge.
 */
class OutputJournalThreadTest {

    private static final long TIMEOUT_SECONDS = 10;

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
    void shouldChooseTheJournalsThreadFromTheCores() {
        assertEquals(OutputJournalThread.FOLLOWING, OutputJournalThread.forCores(2));
        assertEquals(OutputJournalThread.FOLLOWING, OutputJournalThread.forCores(3));
        assertEquals(OutputJournalThread.OWN, OutputJournalThread.forCores(4));
        assertEquals(OutputJournalThread.FOLLOWING, PipelineConfig.DEFAULTS.outputJournalThread());
    }

    /** The caller is answered and the edges' batch is ended (a FIX session's reports flushed) before the journal sees the batch. */
    @Test
    void shouldJournalOnTheOutboundThreadAfterTheBatchsRepliesAndFlushes() throws Exception {
        AtomicReference<CompletableFuture<List<EngineEvent>>> outcome = new AtomicReference<>();
        AtomicBoolean flushed = new AtomicBoolean();
        CompletableFuture<String> journaledOn = new CompletableFuture<>();
        CompletableFuture<Boolean> answeredFirst = new CompletableFuture<>();
        CompletableFuture<Boolean> flushedFirst = new CompletableFuture<>();
        pipeline = EnginePipeline.builder(OutputJournalThreadTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(OutputJournalThread.FOLLOWING))
                .listener(new EngineListener() {
                    @Override
                    public void onEvent(EngineEvent event) {
                        awaitRelease();
                    }

                    @Override
                    public void onEndOfBatch() {
                        flushed.set(true);
                    }
                })
                .outputJournal(event -> {
                    journaledOn.complete(Thread.currentThread().getName());
                    answeredFirst.complete(outcome.get().isDone());
                    flushedFirst.complete(flushed.get());
                })
                .build().start();
        outcome.set(order(0));
        release.countDown();
        assertEquals("ringbook-outbound", journaledOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(answeredFirst.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the caller was answered before the journal took the batch");
        assertTrue(flushedFirst.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the edges ended the batch before the journal took it");
        assertEquals("FOLLOWING", rings().get("outputJournalThread"));
    }

    @Test
    void shouldJournalOnAThreadOfItsOwnWhenConfigured() throws Exception {
        CompletableFuture<String> journaledOn = new CompletableFuture<>();
        pipeline = EnginePipeline.builder(OutputJournalThreadTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(OutputJournalThread.OWN))
                .outputJournal(event -> journaledOn.complete(Thread.currentThread().getName()))
                .build().start();
        assertEquals(EventType.ORDER_ACCEPTED, order(0).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(0).type);
        assertEquals("ringbook-output-journal", journaledOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals("OWN", rings().get("outputJournalThread"));
    }

    /**
     * A journal append that takes longer than the watchdog's grace (a disk that stalls)
     * holds the edges' thread, with events waiting; the edges must not be cut off for it:
     * the journal is never cut off, and the read models would go stale for a slow disk.
     */
    @Test
    void shouldNotCutTheEdgesOffForASlowJournalOnTheirThread() throws Exception {
        AtomicLong edgeEvents = new AtomicLong();
        AtomicLong journaled = new AtomicLong();
        long stallNanos = EdgeWatchdog.GRACE_NANOS * 3 / 2;
        pipeline = EnginePipeline.builder(OutputJournalThreadTest::logic)
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (journaled.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        CompletableFuture<List<EngineEvent>> second = order(1);
        assertEquals(EventType.ORDER_ACCEPTED, first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(0).type);
        int events = first.get().size() + second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
        assertEquals("none", outboundListeners().check().details().get("cutOff"), "the edges were not cut off for the journal " + outboundListeners().check().details());
        while (journaled.get() < events && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(events, journaled.get(), "the journal took every event");
        assertEquals(events, edgeEvents.get(), "the edges took every event");
    }

    private java.util.Map<String, Object> rings() {
        return pipeline.health().stream().filter(c -> c.name().equals("ringBuffer")).findFirst().orElseThrow().check().details();
    }

    private HealthComponent outboundListeners() {
        return pipeline.health().stream().filter(c -> c.name().equals("outboundListeners")).findFirst().orElseThrow();
    }

    private void awaitRelease() {
        try {
            release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BusinessLogic logic(io.ringbook.engine.event.EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1024);
    }

    private CompletableFuture<List<EngineEvent>> order(int i) {
        return pipeline.publisher().submit(slot ->
                slot.newOrder(i % DemoMarket.ACCOUNTS, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100 + i, 1));
    }
}

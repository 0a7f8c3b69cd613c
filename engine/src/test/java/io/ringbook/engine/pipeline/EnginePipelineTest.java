package io.ringbook.engine.pipeline;

import io.ringbook.engine.command.Command;
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
import io.ringbook.engine.testing.EventFields;
import io.ringbook.engine.testing.HangingJournal;
import io.ringbook.engine.testing.RandomOrderFlow;
import io.ringbook.engine.testing.RecordingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnginePipelineTest {

    private static final long TIMEOUT_SECONDS = 10;

    private final List<EngineEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<Command> journaled = Collections.synchronizedList(new ArrayList<>());
    private EnginePipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldAnswerEachCallerWithAllEventsOfItsCommand() throws Exception {
        pipeline = start(PipelineConfig.DEFAULTS.withClockTickMillis(0));
        List<EngineEvent> resting = await(order(0, Side.SELL, 100, 2));
        assertEquals(List.of(EventType.ORDER_ACCEPTED), types(resting));
        List<EngineEvent> taking = await(order(1, Side.BUY, 100, 5));
        assertEquals(List.of(EventType.ORDER_ACCEPTED, EventType.ORDER_FILLED, EventType.ORDER_FILLED), types(taking));
        assertTrue(taking.get(taking.size() - 1).lastOfCommand);
        assertEquals(1, taking.stream().filter(e -> e.lastOfCommand).count());
        assertEquals(2, taking.get(1).filledQty);
    }

    @Test
    void shouldStampContiguousSequencesAndNonDecreasingTimesAcrossManyProducers() throws Exception {
        pipeline = start(PipelineConfig.DEFAULTS.withClockTickMillis(0));
        int producers = 4;
        int perProducer = 5_000;
        List<CompletableFuture<List<EngineEvent>>> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int account = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    CompletableFuture<List<EngineEvent>> outcome;
                    do {
                        outcome = order(account, i % 2 == 0 ? Side.BUY : Side.SELL, 100 + (i % 7) - 3, 1);
                    } while (outcome.isCompletedExceptionally());
                    outcomes.add(outcome);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(producers * perProducer, journaled.size());
        for (int i = 0; i < journaled.size(); i++) {
            assertEquals(i + 1, journaled.get(i).sequence, "sequence of the " + i + "th command");
            if (i > 0) {
                assertTrue(journaled.get(i).eventTimeNanos >= journaled.get(i - 1).eventTimeNanos, "time never goes back");
            }
        }
    }

    @Test
    void shouldDecideExactlyAsTheBusinessLogicAloneDoesOnTheJournaledInput() throws Exception {
        pipeline = start(PipelineConfig.DEFAULTS.withClockTickMillis(5));
        RandomOrderFlow flow = new RandomOrderFlow(11, DemoMarket.ACCOUNTS, DemoMarket.TEST, 500);
        Command generated = new Command();
        for (int i = 0; i < 20_000; i++) {
            flow.next(generated, System.currentTimeMillis() * 1_000_000L);
            while (!pipeline.publisher().tryPublish(slot -> slot.copyFrom(generated))) {
                Thread.onSpinWait();
            }
        }
        awaitIdle();

        RecordingSink replayed = new RecordingSink();
        BusinessLogic fresh = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, replayed, 16);
        List<Command> input = new ArrayList<>(journaled);
        input.forEach(fresh::process);
        assertTrue(input.stream().anyMatch(c -> c.type == io.ringbook.engine.command.CommandType.CLOCK_TICK));
        assertEquals(replayed.events().stream().map(EventFields::describe).toList(),
                new ArrayList<>(delivered).stream().map(EventFields::describe).toList());
    }

    @Test
    void shouldExpireOrdersInAnIdleEngineOnJournaledClockTicks() throws Exception {
        pipeline = start(PipelineConfig.DEFAULTS.withClockTickMillis(5));
        Command gtd = new Command().newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTD, 100, 1);
        gtd.expireTimeNanos = EpochClock.system().epochNanos() + TimeUnit.MILLISECONDS.toNanos(50);
        await(pipeline.publisher().submit(slot -> slot.copyFrom(gtd)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (copyOf(delivered).stream().noneMatch(e -> e.type == EventType.ORDER_EXPIRED) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        EngineEvent expired = copyOf(delivered).stream().filter(e -> e.type == EventType.ORDER_EXPIRED).findFirst().orElseThrow();
        assertTrue(expired.eventTimeNanos >= gtd.expireTimeNanos);
        Command tick = copyOf(journaled).stream().filter(c -> c.sequence == expired.sequence).findFirst().orElseThrow();
        assertEquals(io.ringbook.engine.command.CommandType.CLOCK_TICK, tick.type);
    }

    @Test
    void shouldRefuseAtOnceWhenTheRingIsFull() throws Exception {
        HangingJournal stuck = new HangingJournal();
        pipeline = EnginePipeline.builder(sink -> logic(sink))
                .config(new PipelineConfig(4, WaitStrategyKind.BLOCKING, 64, WaitStrategyKind.BLOCKING, 256, 0, 0, OutputJournalThread.FOLLOWING))
                .journal(stuck).build().start();
        List<CompletableFuture<List<EngineEvent>>> accepted = new ArrayList<>();
        CompletableFuture<List<EngineEvent>> refused = null;
        for (int i = 0; i < 8 && refused == null; i++) {
            CompletableFuture<List<EngineEvent>> outcome = order(0, Side.BUY, 100, 1);
            if (outcome.isCompletedExceptionally()) {
                refused = outcome;
            } else {
                accepted.add(outcome);
            }
        }
        stuck.release();
        assertTrue(refused != null, "a full ring refuses");
        ExecutionException failure = assertThrows(ExecutionException.class, refused::get);
        assertInstanceOf(EngineBusyException.class, failure.getCause());
        for (CompletableFuture<List<EngineEvent>> outcome : accepted) {
            assertEquals(EventType.ORDER_ACCEPTED, await(outcome).get(0).type);
        }
    }

    @Test
    void shouldRefuseACommandWhoseWriterFailsAndKeepRunning() throws Exception {
        pipeline = start(PipelineConfig.DEFAULTS.withClockTickMillis(0));
        assertThrows(IllegalArgumentException.class, () -> pipeline.publisher().submit(slot -> slot.accountId = 1));
        assertThrows(IllegalStateException.class, () -> pipeline.publisher().submit(slot -> {
            throw new IllegalStateException("bad input");
        }));
        assertEquals(EventType.ORDER_ACCEPTED, await(order(0, Side.BUY, 100, 1)).get(0).type);
    }

    @Test
    void shouldKeepServingTheOtherListenersAndTheCallersWhenAListenerThrows() throws Exception {
        List<EngineEvent> afterTheFaultyOne = Collections.synchronizedList(new ArrayList<>());
        pipeline = EnginePipeline.builder(EnginePipelineTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .listener(event -> {
                    if (event.type == EventType.ORDER_ACCEPTED && event.qty == 7) {
                        throw new IllegalStateException("a bug in one door");
                    }
                })
                .listener(event -> afterTheFaultyOne.add(event.copy()))
                .build().start();
        HealthComponent listeners = pipeline.health().stream().filter(c -> c.name().equals("outboundListeners")).findFirst().orElseThrow();
        assertEquals(HealthStatus.UP, listeners.check().status());

        assertEquals(EventType.ORDER_ACCEPTED, await(order(0, Side.SELL, 100, 7)).get(0).type, "the caller still gets its answer");
        assertEquals(EventType.ORDER_FILLED, await(order(1, Side.BUY, 100, 7)).get(1).type, "and the engine keeps deciding");
        assertEquals(List.of(EventType.ORDER_ACCEPTED, EventType.ORDER_ACCEPTED, EventType.ORDER_FILLED, EventType.ORDER_FILLED),
                types(afterTheFaultyOne), "the listeners after it miss nothing");
        assertEquals(HealthStatus.DEGRADED, listeners.check().status());
        assertEquals(2L, listeners.check().details().get("failures"));
        assertTrue(listeners.check().details().get("lastFailure").toString().contains("a bug in one door"));
    }

    /**
     * While the edges run, the replies follow them on the edges' own thread, right after
     * each batch: no thread of their own is woken for them. (The edge here holds its first
     * event until the caller has asked how it will be answered, so the answer cannot come
     * before the question; a stalled edge's cut-off hands the replies to their own thread:
     * {@code StalledEdgeTest}.)
     */
    @Test
    void shouldAnswerCallersOnTheEdgesThreadRightAfterTheEdges() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        pipeline = EnginePipeline.builder(EnginePipelineTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .listener(event -> {
                    try {
                        asked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .build().start();
        CompletableFuture<String> answeredOn = order(0, Side.BUY, 100, 1).thenApply(events -> Thread.currentThread().getName());
        asked.countDown();
        assertEquals("ringbook-outbound", answeredOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(EventType.ORDER_ACCEPTED, await(order(1, Side.SELL, 101, 1)).get(0).type);
    }

    /**
     * The replies of a batch are handed out before the edges' listeners end it: a door that
     * holds what the edges' thread sends until the batch ends (FIX reports) also sends what
     * a caller's continuation sends then (a mass cancel's report), instead of keeping it
     * until some later batch. Below 4 cores the output journal follows on the same thread,
     * after both: the caller answered and the batch ended before the journal takes it.
     */
    @Test
    void shouldAnswerABatchsCallersBeforeTheEdgesEndTheBatchAndJournalAfterBoth() throws Exception {
        assertEquals(OutputJournalThread.FOLLOWING, OutputJournalThread.forCores(2));
        assertEquals(OutputJournalThread.FOLLOWING, OutputJournalThread.forCores(3));
        assertEquals(OutputJournalThread.OWN, OutputJournalThread.forCores(4));
        CountDownLatch asked = new CountDownLatch(1);
        AtomicReference<CompletableFuture<List<EngineEvent>>> outcome = new AtomicReference<>();
        CompletableFuture<Boolean> answeredAtTheEnd = new CompletableFuture<>();
        CompletableFuture<String> journaledOn = new CompletableFuture<>();
        CompletableFuture<Boolean> answeredAndEndedFirst = new CompletableFuture<>();
        pipeline = EnginePipeline.builder(EnginePipelineTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(OutputJournalThread.FOLLOWING))
                .listener(new EngineListener() {
                    @Override
                    public void onEvent(EngineEvent event) {
                        try {
                            asked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void onEndOfBatch() {
                        answeredAtTheEnd.complete(outcome.get().isDone());
                    }
                })
                .outputJournal(event -> {
                    journaledOn.complete(Thread.currentThread().getName());
                    answeredAndEndedFirst.complete(outcome.get().isDone() && answeredAtTheEnd.isDone());
                })
                .build().start();
        outcome.set(order(0, Side.BUY, 100, 1));
        asked.countDown();
        assertTrue(answeredAtTheEnd.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the caller was answered when the batch ended");
        assertEquals("ringbook-outbound", journaledOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(answeredAndEndedFirst.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the journal took the batch after its answer and its end");
        assertEquals("FOLLOWING", ringDetails().get("outputJournalThread"));
    }

    @Test
    void shouldJournalOnAThreadOfItsOwnWhenConfigured() throws Exception {
        CompletableFuture<String> journaledOn = new CompletableFuture<>();
        pipeline = EnginePipeline.builder(EnginePipelineTest::logic)
                .config(PipelineConfig.DEFAULTS.withClockTickMillis(0).withOutputJournalThread(OutputJournalThread.OWN))
                .outputJournal(event -> journaledOn.complete(Thread.currentThread().getName()))
                .build().start();
        assertEquals(EventType.ORDER_ACCEPTED, await(order(0, Side.BUY, 100, 1)).get(0).type);
        assertEquals("ringbook-output-journal", journaledOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals("OWN", ringDetails().get("outputJournalThread"));
    }

    @Test
    void shouldRefuseEveryCommandAtOnceOnceTheJournalFails() throws Exception {
        int[] appends = {0};
        JournalStage failingDisk = new JournalStage() {
            @Override
            public void append(Command command) {
                if (++appends[0] == 2) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
                }
            }

            @Override
            public void endOfBatch() {
            }
        };
        pipeline = EnginePipeline.builder(EnginePipelineTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .journal(failingDisk).build().start();
        assertEquals(EventType.ORDER_ACCEPTED, await(order(0, Side.SELL, 100, 1)).get(0).type);
        CompletableFuture<List<EngineEvent>> lost = order(0, Side.SELL, 100, 1);
        assertThrows(java.util.concurrent.TimeoutException.class, () -> lost.get(1, TimeUnit.SECONDS),
                "a command whose journaling failed is never decided");

        ExecutionException refused = assertThrows(ExecutionException.class, () -> await(order(0, Side.SELL, 100, 1)));
        assertInstanceOf(EngineBusyException.class, refused.getCause(), "refused at once, not left to time out");
        assertTrue(refused.getCause().getMessage().contains("No space left on device"), refused.getCause().getMessage());
        assertEquals(false, pipeline.publisher().tryPublish(Command::clockTick));
        HealthComponent logicHealth = pipeline.health().stream().filter(c -> c.name().equals("businessLogic")).findFirst().orElseThrow();
        assertEquals(HealthStatus.DOWN, logicHealth.check().status());
    }

    @ParameterizedTest
    @EnumSource(WaitStrategyKind.class)
    void shouldRunWithEveryWaitStrategy(WaitStrategyKind kind) throws Exception {
        pipeline = start(PipelineConfig.DEFAULTS.withWaitStrategy(kind).withClockTickMillis(0));
        await(order(0, Side.SELL, 100, 1));
        List<EngineEvent> outcome = await(order(1, Side.BUY, 100, 1));
        assertEquals(EventType.ORDER_FILLED, outcome.get(1).type);
        assertEquals(kind, WaitStrategyKind.parse(kind.name().toLowerCase().replace('_', '-')));
    }

    private EnginePipeline start(PipelineConfig config) {
        JournalStage recording = new JournalStage() {
            @Override
            public void append(Command command) {
                Command copy = new Command();
                copy.copyFrom(command);
                journaled.add(copy);
            }

            @Override
            public void endOfBatch() {
            }
        };
        return EnginePipeline.builder(EnginePipelineTest::logic).config(config).journal(recording)
                .listener(event -> delivered.add(event.copy())).build().start();
    }

    private java.util.Map<String, Object> ringDetails() {
        return pipeline.health().stream().filter(c -> c.name().equals("ringBuffer")).findFirst().orElseThrow().check().details();
    }

    private static BusinessLogic logic(io.ringbook.engine.event.EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1024);
    }

    private CompletableFuture<List<EngineEvent>> order(int account, Side side, long price, long qty) {
        return pipeline.publisher().submit(slot ->
                slot.newOrder(account, DemoMarket.TEST, side, OrderType.LIMIT, TimeInForce.GTC, price, qty));
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!pipeline.isIdle() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        pipeline.close();
    }

    private static List<EngineEvent> await(CompletableFuture<List<EngineEvent>> outcome) throws Exception {
        return outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** A copy of a list the pipeline's threads may still be adding to (ArrayList's constructor copies under its lock). */
    private static <T> List<T> copyOf(List<T> synchronizedList) {
        return new ArrayList<>(synchronizedList);
    }

    private static List<EventType> types(List<EngineEvent> events) {
        return events.stream().map(e -> e.type).toList();
    }
}

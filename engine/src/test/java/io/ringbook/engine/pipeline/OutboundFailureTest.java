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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listener on the outbound thread that throws an {@link Error} (a stack overflow, a
 * failed assertion), not only a RuntimeException, must not stop the outbound thread:
 * every caller keeps getting its answer, the other listeners miss nothing, and the
 * failures are counted in the pipeline's health.
 */
class OutboundFailureTest {

    private static final long TIMEOUT_SECONDS = 10;

    private EnginePipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldKeepAnsweringEveryoneWhenAListenerThrowsAnError() throws Exception {
        List<EventType> afterTheFaultyOne = Collections.synchronizedList(new ArrayList<>());
        pipeline = EnginePipeline.builder(OutboundFailureTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .listener(new EngineListener() {
                    private boolean failedAtEndOfBatch;

                    @Override
                    public void onEvent(EngineEvent event) {
                        if (event.type == EventType.ORDER_ACCEPTED && event.qty == 7) {
                            throw new StackOverflowError("a runaway recursion in one door");
                        }
                        if (event.type == EventType.ORDER_ACCEPTED && event.qty == 8) {
                            throw new AssertionError("a broken invariant in one door");
                        }
                    }

                    @Override
                    public void onEndOfBatch() {
                        if (!failedAtEndOfBatch) {
                            failedAtEndOfBatch = true;
                            throw new OutOfMemoryError("one failed flush");
                        }
                    }
                })
                .listener(event -> afterTheFaultyOne.add(event.type))
                .build().start();
        HealthComponent listeners = pipeline.health().stream().filter(c -> c.name().equals("outboundListeners")).findFirst().orElseThrow();

        assertEquals(EventType.ORDER_ACCEPTED, await(order(0, Side.SELL, 100, 7)).get(0).type, "the caller still gets its answer");
        assertEquals(EventType.ORDER_ACCEPTED, await(order(0, Side.SELL, 101, 8)).get(0).type);
        for (int i = 0; i < 20; i++) {
            assertEquals(EventType.ORDER_ACCEPTED, await(order(1, Side.BUY, 90, 1)).get(0).type, "later commands get replies");
        }
        assertEquals(EventType.ORDER_FILLED, await(order(1, Side.BUY, 100, 5)).get(1).type, "and the engine keeps deciding");
        long accepted = afterTheFaultyOne.stream().filter(t -> t == EventType.ORDER_ACCEPTED).count();
        assertEquals(23, accepted, "the listeners after the failing one miss nothing");
        assertEquals(HealthStatus.DEGRADED, listeners.check().status());
        assertEquals(3L, listeners.check().details().get("failures"), "two events and one end of batch");
        assertTrue(listeners.check().details().get("lastFailure").toString().contains("AssertionError"),
                listeners.check().details().toString());
    }

    private static BusinessLogic logic(io.ringbook.engine.event.EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1024);
    }

    private CompletableFuture<List<EngineEvent>> order(int account, Side side, long price, long qty) {
        return pipeline.publisher().submit(slot ->
                slot.newOrder(account, DemoMarket.TEST, side, OrderType.LIMIT, TimeInForce.GTC, price, qty));
    }

    private static List<EngineEvent> await(CompletableFuture<List<EngineEvent>> outcome) throws Exception {
        return outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}

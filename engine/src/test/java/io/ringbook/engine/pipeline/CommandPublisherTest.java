package io.ringbook.engine.pipeline;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every slot the publisher claims is published whole or voided, whatever the writer
 * throws; and once the pipeline closes, nothing new is taken while everything taken is
 * still decided and answered.
 */
class CommandPublisherTest {

    private EnginePipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldVoidAHalfWrittenSlotWhenTheWriterFailsWithAnError() throws Exception {
        pipeline = EnginePipeline.builder(CommandPublisherTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .build().start();
        assertThrows(AssertionError.class, () -> pipeline.publisher().submit(slot -> {
            slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 3);
            throw new AssertionError("a writer's bug after filling the slot");
        }));
        assertThrows(StackOverflowError.class, () -> pipeline.publisher().tryPublish(slot -> {
            slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 3);
            throw new StackOverflowError();
        }));
        List<EngineEvent> sell = pipeline.publisher().submit(slot ->
                        slot.newOrder(1, DemoMarket.TEST, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100, 3))
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of(EventType.ORDER_ACCEPTED), sell.stream().map(e -> e.type).toList(),
                "the half-written buys never reached the book, and the ring still moves");
    }

    @Test
    void closingRefusesNewCommandsAtOnceAndDecidesAndDeliversEveryCommandTakenBefore() throws Exception {
        pipeline = EnginePipeline.builder(CommandPublisherTest::logic).config(PipelineConfig.DEFAULTS.withClockTickMillis(0))
                .build().start();
        List<CompletableFuture<List<EngineEvent>>> taken = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int account = i % 4;
            long price = 90 + i % 5;
            taken.add(pipeline.publisher().submit(slot ->
                    slot.newOrder(account, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 1)));
        }
        pipeline.close();
        for (CompletableFuture<List<EngineEvent>> outcome : taken) {
            assertTrue(outcome.isDone() && !outcome.isCompletedExceptionally(), "taken before close: decided and answered");
        }
        CompletableFuture<List<EngineEvent>> late = pipeline.publisher().submit(Command::clockTick);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> late.get(1, TimeUnit.SECONDS),
                "refused at once, not taken into a ring nobody decides any more");
        assertInstanceOf(EngineBusyException.class, refused.getCause());
        assertTrue(refused.getCause().getMessage().contains("shutting down"), refused.getCause().getMessage());
        assertFalse(pipeline.publisher().tryPublish(Command::clockTick));
    }

    private static BusinessLogic logic(EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1024);
    }
}

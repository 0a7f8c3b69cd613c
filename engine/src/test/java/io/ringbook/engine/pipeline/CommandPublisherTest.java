package io.ringbook.engine.pipeline;

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

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every slot the publisher claims is published whole or voided, whatever the writer throws. */
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
        assertEquals(List.of(EventType.ORDER_ACCEPTED, EventType.BOOK_LEVEL), sell.stream().map(e -> e.type).toList(),
                "the half-written buys never reached the book, and the ring still moves");
    }

    private static BusinessLogic logic(EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1024);
    }
}

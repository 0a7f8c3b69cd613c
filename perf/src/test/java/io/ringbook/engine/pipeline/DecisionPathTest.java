package io.ringbook.engine.pipeline;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecisionPathTest {

    private static final int BATCH = 4;

    @Test
    void decidesEachBatchInOrderStampingSequenceAndTime() {
        List<String> events = new ArrayList<>();
        DecisionPath path = new DecisionPath(DecisionPathTest::logic, new ListenerSink(event -> events.add(describe(event))),
                () -> 1_000L, BATCH, 64);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < BATCH; i++) {
                path.slot(i).clear().newOrder(i % 2, 0, i % 2 == 0 ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100, 1);
            }
            path.decide();
        }

        // eight orders at one price, alternately one account's buy and another's sell: each sell fills the buy before it
        assertEquals(8, events.stream().filter(e -> e.startsWith(EventType.ORDER_ACCEPTED.name())).count());
        assertEquals(8, events.stream().filter(e -> e.startsWith(EventType.ORDER_FILLED.name())).count());
        assertEquals("ORDER_ACCEPTED seq 1 time 1000", events.get(0));
        assertEquals("seq 8 time 1000", events.get(events.size() - 1).replaceFirst("^\\S+ ", ""));
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theRingSinkPublishesEveryEventWithoutAConsumer() {
        DecisionPath path = new DecisionPath(DecisionPathTest::logic, null, () -> 1_000L, BATCH, 8);
        // 64 buys at 64 prices, each accepted: 64 events through a ring of 8 slots that nothing gates
        for (int round = 0; round < 16; round++) {
            for (int i = 0; i < BATCH; i++) {
                path.slot(i).clear().newOrder(0, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100 - round * BATCH - i, 1);
            }
            path.decide();
        }
        assertEquals(64, path.eventsPublished());
    }

    private static BusinessLogic logic(EventSink sink) {
        return new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1 << 10);
    }

    private static String describe(EngineEvent event) {
        return event.type + " seq " + event.sequence + " time " + event.eventTimeNanos;
    }
}

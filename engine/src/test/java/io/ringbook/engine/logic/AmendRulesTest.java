package io.ringbook.engine.logic;

import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AmendRulesTest {

    private final LogicDriver engine = new LogicDriver();

    @Test
    void shouldKeepTimePriorityWhenLoweringQuantity() {
        engine.limit(0, BUY, 100, 5);
        engine.limit(1, BUY, 100, 5);
        assertEquals(List.of("replaced #1 3@100"), of(engine.amend(0, 1, 0, 3)));
        assertEquals(List.of(
                "accepted #3 A2 SELL 1@100",
                "fill #3 1@100 TAKER 1/1",
                "fill #1 1@100 MAKER 1/3"), of(engine.limit(2, SELL, 100, 1)));
    }

    @Test
    void shouldLoseTimePriorityWhenRaisingQuantity() {
        engine.limit(0, BUY, 100, 5);
        engine.limit(1, BUY, 100, 5);
        assertEquals(List.of("replaced #1 6@100"), of(engine.amend(0, 1, 0, 6)));
        assertEquals(List.of(
                "accepted #3 A2 SELL 1@100",
                "fill #3 1@100 TAKER 1/1",
                "fill #2 1@100 MAKER 1/5"), of(engine.limit(2, SELL, 100, 1)));
    }

    @Test
    void shouldTradeWhenAnAmendedPriceCrosses() {
        engine.limit(0, SELL, 101, 2);
        engine.limit(1, BUY, 100, 5);
        assertEquals(List.of(
                "replaced #2 5@101",
                "fill #2 2@101 TAKER 2/5",
                "fill #1 2@101 MAKER 2/2"), of(engine.amend(1, 2, 101, 0)));
    }

    @Test
    void shouldRejectAnAmendToAQuantityNotAboveWhatFilled() {
        engine.limit(0, BUY, 100, 5);
        engine.limit(1, SELL, 100, 2);
        assertEquals(List.of("amend rejected #1 INVALID_QTY"), of(engine.amend(0, 1, 0, 2)));
        assertEquals(List.of("replaced #1 3@100"), of(engine.amend(0, 1, 0, 3)));
    }

    @Test
    void shouldRejectAnAmendOfAFinishedOrder() {
        engine.limit(0, BUY, 100, 1);
        engine.limit(1, SELL, 100, 1);
        assertEquals(List.of("amend rejected #1 TOO_LATE_TO_CANCEL"), of(engine.amend(0, 1, 0, 3)));
    }
}

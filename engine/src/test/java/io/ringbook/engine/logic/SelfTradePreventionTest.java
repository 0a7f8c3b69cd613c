package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SelfTradePreventionTest {

    private final LogicDriver engine = new LogicDriver();

    @BeforeEach
    void restOwnThenOtherOrder() {
        engine.limit(0, SELL, 100, 2);
        engine.limit(1, SELL, 100, 2);
    }

    @Test
    void shouldCancelTheRestingOrderAndKeepMatchingByDefault() {
        assertEquals(List.of(
                "accepted #3 A0 BUY 3@100",
                "canceled #1 SELF_TRADE 0/2",
                "fill #3 2@100 TAKER 2/3",
                "fill #2 2@100 MAKER 2/2"), of(engine.send(buy(StpMode.CANCEL_RESTING))));
    }

    @Test
    void shouldCancelTheIncomingOrderAndLeaveTheRestingOne() {
        assertEquals(List.of("accepted #3 A0 BUY 3@100", "canceled #3 SELF_TRADE 0/3"),
                of(engine.send(buy(StpMode.CANCEL_INCOMING))));
        assertEquals(4, engine.logic().book(DemoMarket.TEST).levelQty(SELL, 100));
    }

    @Test
    void shouldCancelBoth() {
        assertEquals(List.of(
                "accepted #3 A0 BUY 3@100",
                "canceled #1 SELF_TRADE 0/2",
                "canceled #3 SELF_TRADE 0/3"), of(engine.send(buy(StpMode.CANCEL_BOTH))));
    }

    @Test
    void shouldNotCountOwnOrdersAsLiquidityForFok() {
        Command fok = engine.command().newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 100, 3);
        assertEquals(List.of("rejected #3 FOK_NOT_FILLED"), of(engine.send(fok)));
    }

    private Command buy(StpMode mode) {
        Command command = engine.command().newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 3);
        command.stpMode = mode;
        return command;
    }
}

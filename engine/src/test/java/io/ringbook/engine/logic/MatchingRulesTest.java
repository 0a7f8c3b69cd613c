package io.ringbook.engine.logic;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MatchingRulesTest {

    private final LogicDriver engine = new LogicDriver();

    @Test
    void shouldRestALimitOrderThatDoesNotCross() {
        assertEquals(List.of("accepted #1 A0 BUY 5@100"), of(engine.limit(0, BUY, 100, 5)));
    }

    @Test
    void shouldTradeAtTheRestingPriceAndRestTheRemainder() {
        engine.limit(0, SELL, 99, 2);
        assertEquals(List.of(
                "accepted #2 A1 BUY 5@100",
                "fill #2 2@99 TAKER 2/5",
                "fill #1 2@99 MAKER 2/2"), of(engine.limit(1, BUY, 100, 5)));
    }

    @Test
    void shouldSweepLevelsBestPriceFirstUntilTheLimitStopsIt() {
        engine.limit(0, SELL, 101, 1);
        engine.limit(0, SELL, 100, 1);
        engine.limit(0, SELL, 103, 1);
        assertEquals(List.of(
                "accepted #4 A1 BUY 5@102",
                "fill #4 1@100 TAKER 1/5",
                "fill #2 1@100 MAKER 1/1",
                "fill #4 1@101 TAKER 2/5",
                "fill #1 1@101 MAKER 1/1"), of(engine.limit(1, BUY, 102, 5)));
    }

    @Test
    void shouldFillOlderOrdersFirstAtOnePrice() {
        engine.limit(0, SELL, 100, 2);
        engine.limit(2, SELL, 100, 2);
        assertEquals(List.of(
                "accepted #3 A1 BUY 3@100",
                "fill #3 2@100 TAKER 2/3",
                "fill #1 2@100 MAKER 2/2",
                "fill #3 1@100 TAKER 3/3",
                "fill #2 1@100 MAKER 1/2"), of(engine.limit(1, BUY, 100, 3)));
    }

    @Test
    void shouldCancelTheRemainderOfAnIocOrder() {
        engine.limit(0, SELL, 100, 2);
        assertEquals(List.of(
                "accepted #2 A1 BUY 5@100",
                "fill #2 2@100 TAKER 2/5",
                "fill #1 2@100 MAKER 2/2",
                "canceled #2 IOC_REMAINDER 2/5"), of(engine.order(1, BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 5)));
    }

    @Test
    void shouldTakeWhatIsThereWithAMarketOrderAndCancelTheRest() {
        engine.limit(0, SELL, 100, 1);
        engine.limit(0, SELL, 200, 1);
        assertEquals(List.of(
                "accepted #3 A1 BUY 3@0",
                "fill #3 1@100 TAKER 1/3",
                "fill #1 1@100 MAKER 1/1",
                "fill #3 1@200 TAKER 2/3",
                "fill #2 1@200 MAKER 1/1",
                "canceled #3 MARKET_REMAINDER 2/3"), of(engine.order(1, BUY, OrderType.MARKET, TimeInForce.IOC, 0, 3)));
    }

    @Test
    void shouldCancelAMarketOrderWhenTheBookIsEmpty() {
        assertEquals(List.of("accepted #1 A1 SELL 3@0", "canceled #1 MARKET_REMAINDER 0/3"),
                of(engine.order(1, SELL, OrderType.MARKET, TimeInForce.IOC, 0, 3)));
    }

    @Test
    void shouldRejectAFokOrderThatCannotFillCompletelyWithoutTrading() {
        engine.limit(0, SELL, 100, 2);
        engine.limit(0, SELL, 102, 5);
        assertEquals(List.of("rejected #3 FOK_NOT_FILLED"), of(engine.order(1, BUY, OrderType.LIMIT, TimeInForce.FOK, 101, 3)));
        assertEquals(2, engine.logic().book(2).side(SELL).levelCount());
    }

    @Test
    void shouldFillAFokOrderCompletelyAcrossLevels() {
        engine.limit(0, SELL, 100, 2);
        engine.limit(0, SELL, 101, 5);
        assertEquals(List.of(
                "accepted #3 A1 BUY 3@101",
                "fill #3 2@100 TAKER 2/3",
                "fill #1 2@100 MAKER 2/2",
                "fill #3 1@101 TAKER 3/3",
                "fill #2 1@101 MAKER 1/5"), of(engine.order(1, BUY, OrderType.LIMIT, TimeInForce.FOK, 101, 3)));
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldTake() {
        engine.limit(0, SELL, 100, 2);
        var command = engine.command().newOrder(1, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1);
        command.postOnly = true;
        assertEquals(List.of("rejected #2 POST_ONLY_WOULD_TAKE"), of(engine.send(command)));
        command = engine.command().newOrder(1, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, 99, 1);
        command.postOnly = true;
        assertEquals(List.of("accepted #3 A1 BUY 1@99"), of(engine.send(command)));
    }

    @Test
    void shouldCancelARestingOrderAndRefuseTheSecondCancel() {
        engine.limit(0, BUY, 100, 5);
        assertEquals(List.of("canceled #1 USER 0/5"), of(engine.cancel(0, 1)));
        assertEquals(List.of("cancel rejected #1 TOO_LATE_TO_CANCEL"), of(engine.cancel(0, 1)));
        assertEquals(List.of("cancel rejected #9 UNKNOWN_ORDER"), of(engine.cancel(0, 9)));
    }

    @Test
    void shouldNotLetOneAccountCancelAnothersOrder() {
        engine.limit(0, BUY, 100, 5);
        assertEquals(List.of("cancel rejected #1 UNKNOWN_ORDER"), of(engine.cancel(1, 1)));
        assertEquals(1, engine.logic().orders().openOrders());
    }

    @Test
    void shouldRejectUnknownSymbolsAndMalformedOrdersWithAnOrderId() {
        assertEquals(List.of("rejected #1 UNKNOWN_SYMBOL"),
                of(engine.send(engine.command().newOrder(0, 7, BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1))));
        assertEquals(List.of("rejected #2 INVALID_ORDER"), of(engine.limit(0, BUY, 100, 0)));
        assertEquals(List.of("rejected #3 INVALID_ORDER"), of(engine.order(0, BUY, OrderType.MARKET, TimeInForce.GTC, 0, 1)));
        assertEquals(List.of("rejected #4 INVALID_ORDER"), of(engine.order(0, BUY, OrderType.LIMIT, TimeInForce.GTD, 10, 1)));
        assertEquals(List.of("rejected #5 INVALID_ORDER"), of(engine.limit(0, BUY, Long.MAX_VALUE, 2)));
        var blank = engine.command();
        blank.type = io.ringbook.engine.command.CommandType.NEW_ORDER;
        blank.accountId = 1;
        blank.symbolId = 2;
        assertEquals(List.of("rejected #6 INVALID_ORDER"), of(engine.send(blank)));
        assertEquals(List.of("rejected #7 UNKNOWN_ACCOUNT"), of(engine.send(engine.command().newOrder(9, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1))));
        assertEquals(List.of(), of(engine.send(engine.command())));
        assertEquals(0, engine.logic().orders().openOrders());
    }
}

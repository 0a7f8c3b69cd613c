package io.ringbook.engine.logic;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Amounts at the edge of 63 bits: exact where they fit, refused or stopped where they do not, never wrapped. */
class ArithmeticEdgesTest {

    private static final long HALF = 5_000_000_000_000_000_000L;

    /** TEST: tick 1, lot 1, maker fee 0, taker fee 1,000 ppm (0.1%). */
    private final LogicDriver engine = new LogicDriver(DemoMarket.withTestFees(0, 1_000), PreTradeCheck.NONE);

    @Test
    void theTakerFeeOnAHugeNotionalIsExactNotARebate() {
        engine.limit(1, Side.SELL, 10_000_000_000L, 1_000_000);
        EngineEvent takerFill = fills(engine.limit(0, Side.BUY, 10_000_000_000L, 1_000_000)).get(0);
        assertEquals(10_000_000_000_000L, takerFill.fee, "0.1% of a notional of 1e16 tick-lots");
        assertEquals(10_000_000_000_000L, engine.logic().positions().fees(0, DemoMarket.TEST));
    }

    @Test
    void aMarketOrderStopsBeforeAFillWhoseSumWouldPass63Bits() {
        engine.limit(1, Side.SELL, HALF, 1);
        engine.limit(2, Side.SELL, HALF, 1);
        List<EngineEvent> market = engine.order(0, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 2);
        assertEquals(List.of("accepted #3 A0 BUY 2@0", "fill #3 1@" + HALF + " TAKER 1/2", "fill #1 1@" + HALF + " MAKER 1/1", "canceled #3 UNREPRESENTABLE 1/2"), of(market));
        assertEquals(HALF, market.get(market.size() - 1).filledNotional);
        assertEquals(HALF, engine.logic().positions().costBasis(0, DemoMarket.TEST));
    }

    @Test
    void aPositionWhoseCostBasisWouldWrapTakesNoMoreAndARestingOrderThatCannotTradeIsCanceled() {
        engine.limit(1, Side.SELL, HALF, 1);
        engine.limit(0, Side.BUY, HALF, 1);
        engine.limit(1, Side.SELL, HALF, 1);
        assertEquals(List.of("accepted #4 A0 BUY 1@" + HALF, "canceled #4 UNREPRESENTABLE 0/1"),
                of(engine.limit(0, Side.BUY, HALF, 1)), "account 0's cost basis would pass 2^63");
        engine.cancel(1, 3);
        engine.limit(0, Side.BUY, HALF, 1);
        assertEquals(List.of("accepted #6 A2 SELL 1@" + HALF, "canceled #5 UNREPRESENTABLE 0/1"), of(engine.limit(2, Side.SELL, HALF, 1)),
                "the resting buy cannot trade either: it is canceled and the sell rests");
        assertEquals(HALF, engine.logic().positions().costBasis(0, DemoMarket.TEST));
    }

    @Test
    void ordersWhoseOpenQuantityOrNotionalWouldWrapAreRefused() {
        long big = 3_000_000_000_000_000_000L;
        engine.limit(0, Side.BUY, 3, big);
        assertEquals(List.of("rejected #2 INVALID_ORDER"), of(engine.limit(0, Side.BUY, 1, big / 3)),
                "the account's open buy notional would pass 2^63");
        engine.limit(0, Side.BUY, 1, big / 30);
        assertEquals(List.of("amend rejected #3 INVALID_ORDER"), of(engine.amend(0, 3, 0, big / 10)));
        engine.limit(1, Side.BUY, 1, HALF);
        assertEquals(List.of("rejected #5 INVALID_ORDER"), of(engine.limit(2, Side.BUY, 1, HALF)),
                "the price level's quantity would pass 2^63");
        assertEquals(3 * big + big / 30, engine.logic().orders().exposure().buyNotional(0, DemoMarket.TEST));
    }

    @Test
    void aFokOrderWhoseSweepWouldOverflowIsRejectedWithoutTrading() {
        engine.limit(1, Side.SELL, HALF, 1);
        engine.limit(2, Side.SELL, HALF, 1);
        assertEquals(List.of("rejected #3 FOK_NOT_FILLED"), of(engine.order(0, Side.BUY, OrderType.MARKET, TimeInForce.FOK, 0, 2)));
    }

    private static List<EngineEvent> fills(List<EngineEvent> events) {
        return events.stream().filter(e -> e.type == EventType.ORDER_FILLED).toList();
    }
}

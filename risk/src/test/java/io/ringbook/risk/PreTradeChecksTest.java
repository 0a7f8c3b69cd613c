package io.ringbook.risk;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static io.ringbook.risk.RiskFixture.SECOND;
import static io.ringbook.risk.RiskFixture.TEST_UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each check at its boundary: exactly at the limit passes, one tick or lot over is refused with the contract's reason. */
class PreTradeChecksTest {

    @Test
    void maxOrderQty() {
        RiskFixture risk = RiskFixture.withLimits(limits -> limits.maxOrderQty = 10);
        assertEquals("accepted #1 A0 BUY 10@100", risk.verdict(0, BUY, 100, 10));
        assertEquals("rejected #2 MAX_ORDER_QTY", risk.verdict(0, BUY, 100, 11));
    }

    @Test
    void maxOrderNotionalInQuoteUnits() {
        RiskFixture risk = RiskFixture.withLimits(limits -> limits.maxOrderNotional = 1_000 * TEST_UNIT);
        assertEquals("accepted #1 A0 BUY 10@100", risk.verdict(0, BUY, 100, 10));
        assertEquals("rejected #2 MAX_NOTIONAL", risk.verdict(0, BUY, 101, 10));
        assertEquals("rejected #3 MAX_NOTIONAL", risk.verdict(0, SELL, 100, 11));
    }

    @Test
    void maxPositionCountsOpenOrdersOnTheSameSideAndLetsReducingOrdersThrough() {
        RiskFixture.Limits limits = new RiskFixture.Limits();
        limits.maxPosition = 10;
        RiskFixture risk = RiskFixture.withLimits(limits);
        assertEquals("accepted #1 A0 BUY 6@100", risk.verdict(0, BUY, 100, 6));
        assertEquals("accepted #2 A0 BUY 4@99", risk.verdict(0, BUY, 99, 4));
        assertEquals("rejected #3 MAX_POSITION", risk.verdict(0, BUY, 98, 1));
        assertEquals("accepted #4 A0 SELL 10@200", risk.verdict(0, SELL, 200, 10), "the short side is judged apart");
        assertEquals("rejected #5 MAX_POSITION", risk.verdict(0, SELL, 201, 1));
        risk.verdict(1, SELL, 100, 6);
        assertEquals(6, risk.engine.logic().positions().qty(0, DemoMarket.TEST));
        risk.engine.cancel(0, 2);
        risk.engine.cancel(0, 4);
        risk.engine.send(risk.engine.command().setLimits(0, withMaxPosition(limits, 3)));
        assertEquals("rejected #7 MAX_POSITION", risk.verdict(0, BUY, 90, 1), "over the new limit, buying adds to it");
        assertEquals("accepted #8 A0 SELL 6@300", risk.verdict(0, SELL, 300, 6), "selling what it holds only reduces it");
        assertEquals("rejected #9 MAX_POSITION", risk.verdict(0, SELL, 300, 4), "short 4 if every sell filled");
        assertEquals("accepted #10 A0 SELL 3@300", risk.verdict(0, SELL, 300, 3), "short 3 is within the limit");
    }

    @Test
    void maxGrossNotionalValuesPositionsAtTheLastTradeAndTheOrderAtItsPrice() {
        RiskFixture risk = RiskFixture.withLimits(limits -> limits.maxGrossNotional = 2_000 * TEST_UNIT);
        risk.verdict(1, SELL, 100, 10);
        assertEquals("accepted #2 A0 BUY 10@100", risk.verdict(0, BUY, 100, 10));
        assertEquals("accepted #3 A0 BUY 10@90", risk.verdict(0, BUY, 90, 10), "20 lots at the last trade price, 100: 2,000");
        assertEquals("rejected #4 MAX_GROSS_NOTIONAL", risk.verdict(0, BUY, 90, 1));
        assertEquals("accepted #5 A0 SELL 20@120", risk.verdict(0, SELL, 120, 20), "the sell side is never worse than 20");
    }

    @Test
    void concentrationAppliesAboveItsFloor() {
        RiskFixture risk = RiskFixture.withLimits(limits -> {
            limits.maxConcentrationBps = 6_000;
            limits.concentrationMinGross = 1_000 * TEST_UNIT;
        });
        assertEquals("accepted #1 A0 BUY 10@100", risk.verdict(0, BUY, 100, 10), "at the floor, not above it");
        assertEquals("rejected #2 MAX_CONCENTRATION", risk.verdict(0, BUY, 100, 1), "above it, all of it in one symbol");
        risk.engine.send(risk.engine.command().newOrder(0, DemoMarket.ETH, BUY, OrderType.LIMIT, TimeInForce.GTC, 100_00, 10_000));
        assertEquals("accepted #4 A0 BUY 5@100", risk.verdict(0, BUY, 100, 5), "1,500 of 2,500 is 60%: at the limit");
        assertEquals("rejected #5 MAX_CONCENTRATION", risk.verdict(0, BUY, 100, 1), "1,600 of 2,600 is over 60%");
    }

    @Test
    void maxOpenOrdersPerAccountAndPerSymbol() {
        RiskFixture risk = RiskFixture.withLimits(limits -> {
            limits.maxOpenOrders = 3;
            limits.maxOpenOrdersPerSymbol = 2;
        });
        assertEquals("accepted #1 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        assertEquals("accepted #2 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        assertEquals("rejected #3 MAX_OPEN_ORDERS", risk.verdict(0, BUY, 100, 1));
        assertEquals("ORDER_ACCEPTED", risk.engine.send(risk.engine.command().newOrder(0, DemoMarket.ETH, BUY, OrderType.LIMIT,
                TimeInForce.GTC, 100, 1)).get(0).type.name());
        assertEquals("REJECTED", risk.engine.send(risk.engine.command().newOrder(0, DemoMarket.BTC, BUY, OrderType.LIMIT,
                TimeInForce.GTC, 100, 1)).get(0).status.name(), "three open in all");
        risk.engine.cancel(0, 1);
        assertEquals("accepted #6 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
    }

    @Test
    void throttleIsATokenBucketInEventTime() {
        RiskFixture risk = RiskFixture.withLimits(limits -> limits.maxOrdersPerSecond = 4);
        for (int i = 1; i <= 4; i++) {
            assertEquals("accepted #" + i + " A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        }
        assertEquals("rejected #5 THROTTLED", risk.verdict(0, BUY, 100, 1));
        assertEquals("accepted #6 A1 BUY 1@100", risk.verdict(1, BUY, 100, 1), "per account");
        risk.engine.advanceNanos(SECOND / 4 - 1);
        assertEquals("rejected #7 THROTTLED", risk.verdict(0, BUY, 100, 1));
        risk.engine.advanceNanos(1);
        assertEquals("accepted #8 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1), "a token every quarter second");
        assertEquals("rejected #9 THROTTLED", risk.verdict(0, BUY, 100, 1));
    }

    @Test
    void throttleWithARateThatDoesNotDivideASecondLosesNoFraction() {
        RiskFixture risk = RiskFixture.withLimits(limits -> limits.maxOrdersPerSecond = 3);
        int accepted = 0;
        for (int i = 0; i < 3 * 30 + 3; i++) {
            if (risk.verdict(0, BUY, 100, 1).startsWith("accepted")) {
                accepted++;
            }
            risk.engine.advanceNanos(SECOND / 3);
        }
        assertEquals(3 + 3 * 30, accepted, "a burst of 3, then 3 a second without drift");
    }

    @Test
    void priceBandAroundTheLastTradeOrTheConfiguredReference() {
        RiskFixture risk = RiskFixture.withSymbolRisk(RiskFixture.band(1_000, 100));
        assertEquals("accepted #1 A0 BUY 1@90", risk.verdict(0, BUY, 90, 1));
        assertEquals("rejected #2 PRICE_BAND", risk.verdict(0, BUY, 89, 1));
        assertEquals("accepted #3 A0 SELL 1@110", risk.verdict(0, SELL, 110, 1));
        assertEquals("rejected #4 PRICE_BAND", risk.verdict(0, SELL, 111, 1));
        risk.verdict(1, SELL, 90, 1);
        assertEquals("rejected #6 PRICE_BAND", risk.verdict(0, SELL, 100, 1), "after a trade at 90 the band is 81-99");
        assertEquals("accepted #7 A0 SELL 1@99", risk.verdict(0, SELL, 99, 1));
        assertEquals("accepted #8 A0 BUY 1@81", risk.verdict(0, BUY, 81, 1));
    }

    @Test
    void noBandWithoutAReference() {
        RiskFixture risk = RiskFixture.withSymbolRisk(RiskFixture.band(1_000, 0));
        assertEquals("accepted #1 A0 BUY 1@1", risk.verdict(0, BUY, 1, 1));
    }

    @Test
    void marketOrdersNeverTradeOutsideTheBand() {
        RiskFixture risk = RiskFixture.withSymbolRisk(RiskFixture.band(1_000, 100));
        risk.verdict(1, SELL, 105, 2);
        risk.verdict(1, SELL, 111, 2);
        risk.engine.advanceNanos(1);
        List<String> market = EventText.of(risk.engine.order(0, BUY, OrderType.MARKET, TimeInForce.IOC, 0, 10));
        assertEquals(List.of("accepted #3 A0 BUY 10@0",
                "fill #3 2@105 TAKER 2/10", "fill #1 2@105 MAKER 2/2",
                "canceled #3 MARKET_REMAINDER 2/10"), market, "the collar is 100 + 10% = 110, from the configured reference");
    }

    @Test
    void marketClosedOutsideTradingHours() {
        SymbolTable sessions = new SymbolTable(List.of(new SymbolSpec(0, "XYZ", BigDecimal.ONE, BigDecimal.ONE, 0, 0,
                TradingHours.parse("MON-FRI 14:30-21:00"))));
        RiskFixture risk = new RiskFixture(sessions, new RiskFixture.Limits(), io.ringbook.engine.limits.SymbolRisk.none(), RejectStorm.NONE);
        long monday = 1_763_942_400L * SECOND; // 2025-11-24T00:00:00Z, a Monday
        risk.engine.advanceNanos(monday + 14 * 3_600 * SECOND + 29 * 60 * SECOND - risk.engine.now());
        assertEquals("REJECTED MARKET_CLOSED", newOrder(risk));
        risk.engine.advanceNanos(60 * SECOND);
        assertEquals("NEW NONE", newOrder(risk));
    }

    @Test
    void accountAndGlobalKillSwitchesCancelEverythingAndBlockUntilReleased() {
        RiskFixture risk = RiskFixture.withLimits(new RiskFixture.Limits());
        risk.verdict(0, BUY, 100, 1);
        risk.verdict(0, BUY, 99, 1);
        risk.verdict(1, BUY, 98, 1);
        assertEquals(List.of("canceled #1 KILL_SWITCH 0/1", "canceled #2 KILL_SWITCH 0/1", "kill switch A0 on, canceled 2"), EventText.of(risk.engine.send(risk.engine.command().killSwitch(0, true))));
        assertEquals("rejected #4 KILL_SWITCH", risk.verdict(0, BUY, 100, 1));
        assertEquals("accepted #5 A1 BUY 1@97", risk.verdict(1, BUY, 97, 1));
        assertEquals(List.of("kill switch A0 on, canceled 0"), EventText.of(risk.engine.send(risk.engine.command().killSwitch(0, true))));
        assertEquals(true, risk.board.killSwitch(0).active());
        List<String> global = EventText.of(risk.engine.send(risk.engine.command().killSwitch(-1, true)));
        assertEquals("kill switch A-1 on, canceled 2", global.get(global.size() - 1));
        assertEquals(0, risk.engine.logic().orders().openOrders());
        assertEquals("rejected #6 KILL_SWITCH", risk.verdict(2, BUY, 100, 1));
        risk.engine.send(risk.engine.command().killSwitch(-1, false));
        assertEquals("rejected #7 KILL_SWITCH", risk.verdict(0, BUY, 100, 1), "the account's own switch still holds");
        assertEquals(List.of("kill switch A0 off"), EventText.of(risk.engine.send(risk.engine.command().killSwitch(0, false))));
        assertEquals("accepted #8 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        assertEquals(false, risk.board.killSwitch(-1).active());
    }

    @Test
    void haltedSymbolsRefuseNewOrdersAndAmendsButNotCancels() {
        RiskFixture risk = RiskFixture.withLimits(new RiskFixture.Limits());
        risk.verdict(0, BUY, 100, 2);
        assertEquals(List.of("symbol S2 halted"), EventText.of(risk.engine.send(risk.engine.command().haltSymbol(DemoMarket.TEST, true))));
        assertEquals("rejected #2 SYMBOL_HALTED", risk.verdict(1, SELL, 100, 1));
        assertEquals("amend rejected #1 SYMBOL_HALTED", EventText.of(risk.engine.amend(0, 1, 101, 0)).get(0));
        assertEquals(true, risk.board.halted(DemoMarket.TEST));
        assertEquals("canceled #1 USER 0/2", EventText.of(risk.engine.cancel(0, 1)).get(0));
        risk.engine.send(risk.engine.command().haltSymbol(DemoMarket.TEST, false));
        assertEquals("accepted #3 A1 SELL 1@100", risk.verdict(1, SELL, 100, 1));
        assertEquals(List.of("control rejected"), EventText.of(risk.engine.send(risk.engine.command().haltSymbol(9, true))));
    }

    @Test
    void amendsPassTheOrderChecksForTheirNewSize() {
        RiskFixture risk = RiskFixture.withLimits(limits -> {
            limits.maxOrderQty = 10;
            limits.maxPosition = 12;
        });
        risk.verdict(0, BUY, 100, 5);
        risk.verdict(0, BUY, 99, 5);
        assertEquals("amend rejected #1 MAX_ORDER_QTY", EventText.of(risk.engine.amend(0, 1, 0, 11)).get(0));
        assertEquals("amend rejected #1 MAX_POSITION", EventText.of(risk.engine.amend(0, 1, 0, 8)).get(0));
        assertEquals(List.of("replaced #1 7@100"), EventText.of(risk.engine.amend(0, 1, 0, 7)));
        assertEquals("replaced #1 3@100", EventText.of(risk.engine.amend(0, 1, 0, 3)).get(0));
    }

    private static String newOrder(RiskFixture risk) {
        var e = risk.engine.send(risk.engine.command().newOrder(0, 0, BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1)).get(0);
        return e.status + " " + e.rejectReason;
    }

    private static AccountLimits withMaxPosition(RiskFixture.Limits limits, long maxPosition) {
        limits.maxPosition = maxPosition;
        return limits.build(DemoMarket.symbols().size());
    }
}

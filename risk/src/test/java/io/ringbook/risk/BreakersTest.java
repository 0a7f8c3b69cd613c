package io.ringbook.risk;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.BreakerStatus;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static io.ringbook.risk.RiskFixture.SECOND;
import static io.ringbook.risk.RiskFixture.TEST_UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreakersTest {

    private static final BreakerSettings TEN_SECONDS_TWO_PROBES = new BreakerSettings(10 * SECOND, 2);

    private final RiskFixture volatile10 = RiskFixture.withSymbolRisk(RiskFixture.volatility(1_000, 60 * SECOND, TEN_SECONDS_TWO_PROBES));

    @Test
    void aTradeBeyondTheMoveOpensTheBreakerInsteadOfHappening() {
        RiskFixture risk = volatile10;
        asksAt110And111AfterATradeAt100(risk);
        List<String> sweep = risk.limit(0, BUY, 120, 3);
        assertEquals(List.of("accepted #5 A0 BUY 3@120", "fill #5 1@110 TAKER 1/3", "fill #3 1@110 MAKER 1/1", "breaker VOLATILITY S2 OPEN trips 1", "canceled #5 BREAKER_OPEN 1/3"), sweep,
                "110 is 10% above 100 (allowed); 111 is beyond it, so the sweep stops and does not rest across the book");
        assertEquals("rejected #6 BREAKER_OPEN", risk.verdict(2, BUY, 100, 1));
        BreakerStatus open = risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST);
        assertEquals(BreakerState.OPEN, open.state());
        assertEquals(risk.engine.now() + 10 * SECOND, open.nextRetryAtNanos());
        assertTrue(open.healthScore() < 100, "a trip is a failure in the health history");
    }

    @Test
    void coolDownHalfOpensWithProbesThenClosesWhenTheyPass() {
        RiskFixture risk = volatile10;
        risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, DemoMarket.TEST, true));
        risk.engine.advanceNanos(10 * SECOND - 1);
        assertEquals(List.of(), EventText.of(risk.engine.tick()));
        risk.engine.advanceNanos(1);
        assertEquals(List.of("breaker VOLATILITY S2 HALF_OPEN trips 1"), EventText.of(risk.engine.tick()));
        assertEquals("accepted #1 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        assertEquals("accepted #2 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        assertEquals(List.of("breaker VOLATILITY S2 CLOSED trips 1", "accepted #3 A0 BUY 1@100"), risk.limit(0, BUY, 100, 1).subList(0, 2),
                "the first order after the probes finds no trip and closes it");
    }

    @Test
    void consecutiveTripsDoubleTheCoolDownUpToTenTimes() {
        RiskFixture risk = volatile10;
        long[] expected = {10, 20, 40, 80, 100, 100};
        for (long multiple : expected) {
            risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, DemoMarket.TEST, true));
            BreakerStatus status = risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST);
            assertEquals(multiple * SECOND, status.nextRetryAtNanos() - risk.engine.now(), "cool-down after trip " + status.trips());
            risk.engine.advanceNanos(multiple * SECOND);
            risk.engine.tick();
            assertEquals(BreakerState.HALF_OPEN, risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST).state());
        }
        risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, DemoMarket.TEST, false));
        risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, DemoMarket.TEST, true));
        assertEquals(10 * SECOND, risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST).nextRetryAtNanos() - risk.engine.now(),
                "a reset forgets the consecutive trips");
        assertEquals(7, risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST).trips());
    }

    @Test
    void aProbeThatMovesThePriceTooFarReopensIt() {
        RiskFixture risk = volatile10;
        lastTradeAt100(risk);
        risk.limit(1, SELL, 100, 1);
        risk.limit(1, SELL, 150, 1);
        risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, DemoMarket.TEST, true));
        risk.engine.advanceNanos(10 * SECOND);
        risk.engine.tick();
        List<String> probe = risk.limit(0, BUY, 150, 2);
        assertTrue(probe.contains("breaker VOLATILITY S2 OPEN trips 2"), probe.toString());
        assertEquals(20 * SECOND, risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST).nextRetryAtNanos() - risk.engine.now());
    }

    @Test
    void aFokOrderWhoseSweepWouldTripTheBreakerIsRejectedWithoutTrading() {
        RiskFixture risk = volatile10;
        asksAt110And111AfterATradeAt100(risk);
        assertEquals(List.of("rejected #5 FOK_NOT_FILLED"),
                EventText.of(risk.engine.order(0, BUY, OrderType.LIMIT, TimeInForce.FOK, 120, 2)),
                "111 is beyond 10% of 100: the whole sweep is judged before the first trade");
        assertEquals(BreakerState.CLOSED, risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST).state());
        assertEquals(List.of("accepted #6 A0 BUY 1@120", "fill #6 1@110 TAKER 1/1", "fill #3 1@110 MAKER 1/1"), EventText.of(risk.engine.order(0, BUY, OrderType.LIMIT, TimeInForce.FOK, 120, 1)));
    }

    @Test
    void afterATripTheFirstTradeIsJudgedAgainstTheLastTradeBeforeIt() {
        RiskFixture risk = volatile10;
        lastTradeAt100(risk);
        risk.limit(1, SELL, 1000, 1);
        halfOpenAfterATrip(risk);
        List<String> probe = risk.limit(0, BUY, 1000, 1);
        assertEquals(List.of("accepted #4 A0 BUY 1@1000", "breaker VOLATILITY S2 OPEN trips 2", "canceled #4 BREAKER_OPEN 0/1"),
                probe, "the fat-fingered ask does not print");
    }

    @Test
    void beforeAnyTradeATripsAnchorIsTheConfiguredReference() {
        RiskFixture risk = RiskFixture.withSymbolRisk(new SymbolRisk(AccountLimits.UNLIMITED, 100, 1_000, 60 * SECOND,
                TEN_SECONDS_TWO_PROBES));
        risk.limit(1, SELL, 1000, 1);
        halfOpenAfterATrip(risk);
        assertTrue(risk.limit(0, BUY, 1000, 1).contains("breaker VOLATILITY S2 OPEN trips 2"));
    }

    @Test
    void onlyOrdersThatReachTheBookAreCountedAsProbes() {
        RiskFixture risk = volatile10;
        risk.limit(1, SELL, 100, 5);
        halfOpenAfterATrip(risk);
        for (int i = 0; i < 3; i++) {
            Command postOnly = risk.engine.command().newOrder(0, DemoMarket.TEST, BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1);
            postOnly.postOnly = true;
            assertEquals(List.of("rejected #" + (2 + i) + " POST_ONLY_WOULD_TAKE"), EventText.of(risk.engine.send(postOnly)));
        }
        assertEquals(List.of("rejected #5 FOK_NOT_FILLED"),
                EventText.of(risk.engine.order(0, BUY, OrderType.LIMIT, TimeInForce.FOK, 100, 9)));
        assertEquals(BreakerState.HALF_OPEN, risk.board.breaker(BreakerKind.VOLATILITY, DemoMarket.TEST).state());
        assertEquals("accepted #6 A0 BUY 1@90", risk.verdict(0, BUY, 90, 1));
        assertEquals("accepted #7 A0 BUY 1@90", risk.verdict(0, BUY, 90, 1));
        assertEquals(List.of("breaker VOLATILITY S2 CLOSED trips 1", "accepted #8 A0 BUY 1@90"), risk.limit(0, BUY, 90, 1).subList(0, 2));
    }

    /** Account 1 sells 1 @ 100 to account 0: the last trade is at 100. */
    private static void lastTradeAt100(RiskFixture risk) {
        risk.limit(1, SELL, 100, 1);
        risk.limit(0, BUY, 100, 1);
    }

    /** The issue's book: last trade 100, asks 110x1 and 111x1 from account 1 (10% allows 110, not 111). */
    private static void asksAt110And111AfterATradeAt100(RiskFixture risk) {
        lastTradeAt100(risk);
        risk.limit(1, SELL, 110, 1);
        risk.limit(1, SELL, 111, 1);
    }

    private static void halfOpenAfterATrip(RiskFixture risk) {
        risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, DemoMarket.TEST, true));
        risk.engine.advanceNanos(10 * SECOND);
        assertEquals(List.of("breaker VOLATILITY S2 HALF_OPEN trips 1"), EventText.of(risk.engine.tick()));
    }

    @Test
    void rejectStormOpensAfterNRejectsWithinTheWindowAndAnOperatorResetsIt() {
        RiskFixture.Limits limits = new RiskFixture.Limits();
        limits.maxOrderQty = 1;
        RiskFixture risk = new RiskFixture(limits, SymbolRisk.none(), new RejectStorm(3, 10 * SECOND, TEN_SECONDS_TWO_PROBES));
        risk.verdict(0, BUY, 100, 2);
        risk.engine.advanceNanos(10 * SECOND);
        risk.verdict(0, BUY, 100, 2);
        risk.verdict(0, BUY, 100, 2);
        assertEquals(BreakerState.CLOSED, risk.board.breaker(BreakerKind.REJECT_STORM, 0).state(), "the first fell out of the window");
        List<String> third = risk.limit(0, BUY, 100, 2);
        assertEquals(List.of("rejected #4 MAX_ORDER_QTY", "breaker REJECT_STORM A0 OPEN trips 1"), third);
        assertEquals("rejected #5 BREAKER_OPEN", risk.verdict(0, BUY, 100, 1));
        assertEquals("accepted #6 A1 BUY 1@100", risk.verdict(1, BUY, 100, 1), "other accounts trade on");
        assertEquals(List.of("breaker REJECT_STORM A0 CLOSED trips 1"),
                EventText.of(risk.engine.send(risk.engine.command().breaker(BreakerKind.REJECT_STORM, 0, false))));
        assertEquals("accepted #7 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
    }

    @Test
    void dailyLossOpensOnMarkToMarketBlocksRiskIncreasingOrdersAndClosesAtTheDayRoll() {
        RiskFixture risk = RiskFixture.withLimits(limits -> limits.dailyLossLimit = 100 * TEST_UNIT);
        risk.limit(1, SELL, 100, 10);
        risk.limit(0, BUY, 100, 10);
        risk.limit(2, SELL, 90, 1);
        risk.limit(3, BUY, 90, 1);
        assertEquals(BreakerState.CLOSED, risk.board.breaker(BreakerKind.DAILY_LOSS, 0).state(), "a loss of exactly 100");
        risk.limit(2, SELL, 89, 1);
        risk.limit(3, BUY, 89, 1);
        assertEquals(List.of("breaker DAILY_LOSS A0 OPEN trips 1"), EventText.of(risk.engine.tick()), "marked at 89: 110 lost");
        assertEquals("rejected #7 DAILY_LOSS_LIMIT", risk.verdict(0, BUY, 80, 1));
        assertEquals("accepted #8 A0 SELL 5@95", risk.verdict(0, SELL, 95, 5), "reducing is allowed");
        assertEquals(0, risk.board.breaker(BreakerKind.DAILY_LOSS, 0).nextRetryAtNanos(), "no automatic retry");
        long day = 86_400 * SECOND;
        risk.engine.advanceNanos(Math.floorDiv(risk.engine.now(), day) * day + day - risk.engine.now());
        assertEquals(List.of("breaker DAILY_LOSS A0 CLOSED trips 1"), EventText.of(risk.engine.tick()));
        assertEquals("accepted #9 A0 BUY 1@80", risk.verdict(0, BUY, 80, 1), "a new day, a new baseline");
    }

    @Test
    void operatorCommandsNamingNothingChangeNothing() {
        RiskFixture risk = volatile10;
        assertEquals(List.of("control rejected"),
                EventText.of(risk.engine.send(risk.engine.command().breaker(BreakerKind.REJECT_STORM, 9, true))));
        assertEquals(List.of("control rejected"),
                EventText.of(risk.engine.send(risk.engine.command().breaker(BreakerKind.VOLATILITY, -1, false))));
        assertEquals(List.of("control rejected"), EventText.of(risk.engine.send(risk.engine.command().killSwitch(7, true))));
        assertEquals(List.of("control rejected"), EventText.of(risk.engine.send(risk.engine.command().killSwitch(7, false))));
        assertEquals(List.of("control rejected"), EventText.of(risk.engine.send(risk.engine.command().setLimits(0, null))));
    }
}

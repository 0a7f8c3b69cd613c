package io.ringbook.risk;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.BookConsistency;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventFields;
import io.ringbook.engine.testing.ExactLedger;
import io.ringbook.engine.testing.LiveOrderInvariants;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import static io.ringbook.risk.RiskFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random order flow against tight limits: whatever the stream, no account ever holds
 * more than its position limit or more open orders than allowed, the kill switch
 * leaves nothing open, and a snapshot taken mid-stream carries the risk state exactly.
 * With risk on, fees, clOrdIds, days passing and breakers firing, every exactness
 * invariant of the engine's own property tests holds after every command.
 */
class RiskPropertiesTest {

    private static final long MAX_POSITION = 40;
    private static final long MAX_OPEN = 12;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noAccountEverExceedsItsPositionOrOpenOrderLimit(long seed) {
        RiskFixture risk = tightRisk();
        LogicDriver engine = risk.engine;
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 500);
        SplittableRandom operator = new SplittableRandom(seed);
        Command command = new Command();
        EnumSet<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        for (int i = 0; i < 20_000; i++) {
            engine.advanceNanos(20_000_000L);
            engine.send(flow.next(command, engine.now())).forEach(e -> seen.add(e.rejectReason));
            if (operator.nextInt(2_000) == 0) {
                int account = operator.nextInt(DemoMarket.ACCOUNTS);
                engine.send(engine.command().killSwitch(account, true));
                assertEquals(0, engine.logic().orders().openOrders(account), "the kill switch leaves no open order");
                engine.send(engine.command().killSwitch(account, false));
            }
            BusinessLogic logic = engine.logic();
            for (int account = 0; account < DemoMarket.ACCOUNTS; account++) {
                long position = logic.positions().qty(account, DemoMarket.TEST);
                assertTrue(Math.abs(position) <= MAX_POSITION, "account " + account + " holds " + position + " at command " + i);
                assertTrue(logic.orders().openOrders(account) <= MAX_OPEN, "account " + account + " has too many open orders");
            }
            BookConsistency.check(logic.book(DemoMarket.TEST), logic.orders());
        }
        assertTrue(seen.containsAll(EnumSet.of(RejectReason.MAX_POSITION, RejectReason.MAX_OPEN_ORDERS, RejectReason.THROTTLED)),
                "the stream reaches the limits it is about: " + seen);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void everyExactnessInvariantHoldsWithRiskOnAndBreakersFiring(long seed) {
        SymbolTable market = DemoMarket.withTestFees(-200, 900);
        RiskFixture.Limits limits = new RiskFixture.Limits();
        limits.maxPosition = 400;
        limits.maxOpenOrders = 40;
        limits.maxOrdersPerSecond = 50;
        RiskFixture risk = new RiskFixture(market, limits, RiskFixture.volatility(150, 5 * SECOND, new BreakerSettings(SECOND, 3)),
                new RejectStorm(30, SECOND, new BreakerSettings(SECOND, 2)));
        LogicDriver engine = risk.engine;
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 500).withClOrdIds();
        ExactLedger ledger = new ExactLedger(market, DemoMarket.ACCOUNTS);
        Command command = new Command();
        EnumSet<BreakerKind> tripped = EnumSet.noneOf(BreakerKind.class);
        for (int i = 0; i < 20_000; i++) {
            engine.advanceNanos(i % 5_000 == 4_999 ? 86_400 * SECOND : 5_000_000L);
            List<EngineEvent> events = engine.send(flow.next(command, engine.now()));
            events.stream().filter(e -> e.breakerState == BreakerState.OPEN).forEach(e -> tripped.add(e.breakerKind));
            ledger.onCommand(events);
            ledger.assertPositions(engine.logic().positions());
            LiveOrderInvariants.check(engine.logic(), DemoMarket.ACCOUNTS, market.size(), "after command " + i);
        }
        assertTrue(tripped.containsAll(EnumSet.of(BreakerKind.VOLATILITY, BreakerKind.REJECT_STORM)), "breakers fire: " + tripped);
        assertTrue(ledger.fokFilled() > 20 && ledger.fokRejected() > 20, "FOK orders both fill and fail");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void aRestoredSnapshotDecidesTheRestOfTheStreamExactlyAsTheOriginal(long seed) {
        RiskFixture original = tightRisk();
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 500);
        Command command = new Command();
        for (int i = 0; i < 5_000; i++) {
            original.engine.advanceNanos(20_000_000L);
            original.engine.send(flow.next(command, original.engine.now()));
        }
        StateBuffer state = new StateBuffer(1 << 16);
        original.engine.logic().writeState(state);
        RiskFixture restored = tightRisk();
        restored.engine.logic().restoreState(new StateBuffer(state.length()).load(state.array(), 0, state.length()));
        restored.engine.skipSequences(5_000);
        restored.engine.advanceNanos(original.engine.now() - restored.engine.now());
        for (int i = 0; i < 5_000; i++) {
            original.engine.advanceNanos(20_000_000L);
            restored.engine.advanceNanos(20_000_000L);
            flow.next(command, original.engine.now());
            Command copy = new Command();
            copy.copyFrom(command);
            assertEquals(describe(original.engine.send(command)), describe(restored.engine.send(copy)), "command " + i);
        }
    }

    private static List<String> describe(List<EngineEvent> events) {
        return events.stream().map(EventFields::describe).toList();
    }

    private static RiskFixture tightRisk() {
        RiskFixture.Limits limits = new RiskFixture.Limits();
        limits.maxPosition = MAX_POSITION;
        limits.maxOpenOrders = MAX_OPEN;
        limits.maxOrdersPerSecond = 8;
        limits.dailyLossLimit = 2_000 * RiskFixture.TEST_UNIT;
        return new RiskFixture(limits, RiskFixture.volatility(300, 5 * SECOND, new BreakerSettings(SECOND, 3)),
                new RejectStorm(20, SECOND, new BreakerSettings(2 * SECOND, 2)));
    }
}

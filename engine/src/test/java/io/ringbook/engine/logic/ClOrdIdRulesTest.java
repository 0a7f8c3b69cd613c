package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClOrdIdRulesTest {

    private static final long DAY = 86_400_000_000_000L;

    private final LogicDriver engine = new LogicDriver();

    @Test
    void shouldReportAReusedClOrdIdAgainstTheOriginalOrderWithoutMakingANewOne() {
        assertEquals(List.of("accepted #1 A0 BUY 5@100"), of(engine.send(order(0, "c-1", 100))));
        assertEquals(List.of("rejected #1 DUPLICATE_CLORDID"), of(engine.send(order(0, "c-1", 101))));
        assertEquals(1, engine.logic().orders().lastOrderId(), "no orderId was used up");
        assertEquals(List.of("accepted #2 A1 BUY 5@100"), of(engine.send(order(1, "c-1", 100))),
                "clOrdIds are per account");
    }

    @Test
    void shouldFindTheTargetOfACancelOrAmendByItsClOrdIdAndReportTheRequestsOwnId() {
        engine.send(order(0, "c-1", 100));
        Command amend = engine.command().amend(0, 0, 0, 3);
        amend.clOrdId.set("c-2");
        amend.origClOrdId.set("c-1");
        EngineEvent replaced = engine.send(amend).get(0);
        assertEquals("replaced #1 3@100", of(replaced));
        assertEquals("c-2", replaced.clOrdId.toString(), "the amend's id is the order's now");
        assertEquals("c-2", replaced.requestClOrdId.toString());
        Command cancel = engine.command().cancel(0, 0);
        cancel.clOrdId.set("c-3");
        cancel.origClOrdId.set("c-2");
        EngineEvent canceled = engine.send(cancel).get(0);
        assertEquals("canceled #1 USER 0/3", of(canceled));
        assertEquals("c-2", canceled.clOrdId.toString());
        assertEquals("c-3", canceled.requestClOrdId.toString());
        Command again = engine.command().cancel(0, 0);
        again.clOrdId.set("c-4");
        again.origClOrdId.set("c-2");
        EngineEvent tooLate = engine.send(again).get(0);
        assertEquals("cancel rejected #1 TOO_LATE_TO_CANCEL", of(tooLate));
        Command unknown = engine.command().cancel(0, 0);
        unknown.clOrdId.set("c-5");
        unknown.origClOrdId.set("nope");
        EngineEvent refused = engine.send(unknown).get(0);
        assertEquals("cancel rejected #0 UNKNOWN_ORDER", of(refused));
        assertEquals("nope", refused.clOrdId.toString(), "the reject names what was asked for");
        assertEquals("c-5", refused.requestClOrdId.toString());
    }

    @Test
    void shouldGiveTheCounterpartyOfAnAmendsFillItsOwnClOrdIdAndNotTheRequests() {
        Command resting = engine.command().newOrder(1, DemoMarket.TEST, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100, 5);
        resting.clOrdId.set("b-1");
        engine.send(resting);
        engine.send(order(0, "a-1", 90));
        Command amend = engine.command().amend(0, 0, 100, 0);
        amend.clOrdId.set("a-2");
        amend.origClOrdId.set("a-1");
        List<EngineEvent> events = engine.send(amend).stream().filter(e -> e.orderId != 0).toList();
        assertEquals(List.of("replaced #2 5@100", "fill #2 5@100 TAKER 5/5", "fill #1 5@100 MAKER 5/5"), of(events).subList(0, 3));
        assertEquals("a-2", events.get(1).clOrdId.toString());
        assertEquals("a-2", events.get(1).requestClOrdId.toString(), "the amended order's events answer the request");
        assertEquals("b-1", events.get(2).clOrdId.toString());
        assertEquals("", events.get(2).requestClOrdId.toString(), "the resting order's fill is none of the request's business");
    }

    @Test
    void shouldUseUpTheClOrdIdOfARejectedOrderAndFreeAllOfThemNextDay() {
        assertEquals(List.of("rejected #1 UNKNOWN_SYMBOL"),
                of(engine.send(engine.command().newOrder(0, 9, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1))));
        Command rejected = engine.command().newOrder(0, 9, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1);
        rejected.clOrdId.set("r-1");
        engine.send(rejected);
        assertEquals(List.of("rejected #2 DUPLICATE_CLORDID"), of(engine.send(order(0, "r-1", 100))));
        engine.advanceNanos(Math.floorDiv(engine.now(), DAY) * DAY + DAY - engine.now());
        assertEquals(List.of("accepted #3 A0 BUY 5@100"), of(engine.send(order(0, "r-1", 100))));
    }

    @Test
    void shouldKeepTheDaysClOrdIdsInASnapshot() {
        for (int i = 0; i < 100; i++) {
            engine.send(order(i % 4, "id-" + i, 50 + i % 7));
        }
        StateBuffer state = new StateBuffer(256);
        engine.logic().writeState(state);
        LogicDriver restored = new LogicDriver();
        restored.logic().restoreState(new StateBuffer(16).load(state.array(), 0, state.length()));
        restored.advanceNanos(engine.now() - restored.now());
        assertEquals(List.of("rejected #77 DUPLICATE_CLORDID"), of(restored.send(order(76 % 4, "id-76", 1))));
        assertEquals(List.of("accepted #101 A0 BUY 5@1"), of(restored.send(order(0, "id-1", 1))),
                "id-1 belongs to account 1, not 0");
    }

    @Test
    void shouldRefuseAReplaceToAnotherLiveOrdersClOrdIdAndLeaveBothAsTheyWere() {
        engine.send(order(0, "a", 100));
        engine.send(order(0, "b", 101));
        EngineEvent refused = engine.send(replace(0, "b", "a", 3)).get(0);
        assertEquals("amend rejected #2 DUPLICATE_CLORDID", of(refused));
        assertEquals("b", refused.clOrdId.toString(), "the order keeps its id");
        assertEquals("a", refused.requestClOrdId.toString());
        assertEquals(5, engine.logic().orders().find(2).qty, "and its quantity");
        assertEquals(List.of("canceled #1 USER 0/5"), of(engine.send(cancel(0, "a"))), "a is still #1");
        assertEquals(List.of("canceled #2 USER 0/5"), of(engine.send(cancel(0, "b"))));
    }

    @Test
    void shouldRefuseAReplaceToAnIdUsedEarlierTodayEvenByADoneOrder() {
        engine.send(order(0, "a", 100));
        engine.send(cancel(0, "a"));
        engine.send(order(0, "b", 101));
        assertEquals(List.of("amend rejected #2 DUPLICATE_CLORDID"), of(engine.send(replace(0, "b", "a", 3))));
        assertEquals(List.of("replaced #2 3@101"), of(engine.send(replace(0, "b", "c", 3))));
        assertEquals(List.of("amend rejected #0 UNKNOWN_ORDER"), of(engine.send(replace(0, "b", "d", 2))),
                "b is no longer the order's current id");
    }

    @Test
    void shouldFindAGtcOrderByItsCurrentClOrdIdOnAnyLaterDay() {
        engine.send(order(0, "x", 100));
        toNextDay();
        engine.send(order(1, "other", 90));
        assertEquals(List.of("canceled #1 USER 0/5"), of(engine.send(cancel(0, "x"))));
    }

    @Test
    void shouldIndexAReplacesIdUnderTheDayItHappenedEvenAsTheDaysFirstCommand() {
        engine.send(order(0, "x", 100));
        toNextDay();
        assertEquals(List.of("replaced #1 4@100"), of(engine.send(replace(0, "x", "y", 4))));
        assertEquals(List.of("rejected #1 DUPLICATE_CLORDID"), of(engine.send(order(0, "y", 100))));
        toNextDay();
        assertEquals(List.of("replaced #1 3@100"), of(engine.send(replace(0, "y", "z", 3))),
                "found by its current id two days on");
        assertEquals(List.of("rejected #1 DUPLICATE_CLORDID"), of(engine.send(order(0, "z", 100))),
                "no two live orders of an account share a clOrdId");
    }

    private void toNextDay() {
        engine.advanceNanos(Math.floorDiv(engine.now(), DAY) * DAY + DAY - engine.now());
    }

    private Command replace(int account, String orig, String newId, long qty) {
        Command amend = engine.command().amend(account, 0, 0, qty);
        amend.clOrdId.set(newId);
        amend.origClOrdId.set(orig);
        return amend;
    }

    private Command cancel(int account, String orig) {
        Command cancel = engine.command().cancel(account, 0);
        cancel.clOrdId.set("cx-" + orig);
        cancel.origClOrdId.set(orig);
        return cancel;
    }

    private Command order(int account, String clOrdId, long price) {
        Command command = engine.command().newOrder(account, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 5);
        command.clOrdId.set(clOrdId);
        return command;
    }
}

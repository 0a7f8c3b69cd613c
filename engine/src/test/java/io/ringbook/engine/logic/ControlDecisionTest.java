package io.ringbook.engine.logic;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventText;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The logic carries out what a pre-trade check decides for an operator command; the check never touches the book. */
class ControlDecisionTest {

    /** A check that decides a kill switch and nothing else: what the logic then does is the logic's alone. */
    private static final PreTradeCheck.Factory KILL_SWITCH_ONLY = context -> new PreTradeCheck() {
        @Override
        public RejectReason checkNewOrder(Command order) {
            return RejectReason.NONE;
        }

        @Override
        public RejectReason checkAmend(Command amend, Order order) {
            return RejectReason.NONE;
        }

        @Override
        public ControlDecision control(Command command) {
            return ControlDecision.CANCEL_FOR_KILL_SWITCH;
        }
    };

    @Test
    void shouldCancelTheAccountsOrdersThenReportTheSwitchWithTheCount() {
        LogicDriver engine = new LogicDriver(DemoMarket.symbols(), KILL_SWITCH_ONLY);
        engine.limit(0, Side.BUY, 100, 1);
        engine.limit(1, Side.BUY, 99, 1);
        engine.limit(0, Side.SELL, 105, 1);
        assertEquals(List.of("canceled #1 KILL_SWITCH 0/1", "canceled #3 KILL_SWITCH 0/1",
                "kill switch A0 on, canceled 2"), EventText.of(engine.send(engine.command().killSwitch(0, true))));
        assertEquals(1, engine.logic().orders().openOrders(), "the other account's order stays");
    }

    @Test
    void shouldCancelEveryAccountsOrdersForTheGlobalSwitch() {
        LogicDriver engine = new LogicDriver(DemoMarket.symbols(), KILL_SWITCH_ONLY);
        engine.limit(0, Side.BUY, 100, 1);
        engine.limit(1, Side.BUY, 99, 1);
        List<String> events = EventText.of(engine.send(engine.command().killSwitch(-1, true)));
        assertEquals("kill switch A-1 on, canceled 2", events.get(events.size() - 1));
        assertEquals(0, engine.logic().orders().openOrders());
    }
}

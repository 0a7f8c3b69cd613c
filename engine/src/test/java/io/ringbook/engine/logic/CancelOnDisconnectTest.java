package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CancelOnDisconnectTest {

    private static final long CONNECTION = 1_764_460_000_000_000_001L;
    private static final long LATER_CONNECTION = CONNECTION + 1;
    private static final long EARLIER_CONNECTION = CONNECTION - 1_000_000_000L;

    private final LogicDriver engine = new LogicDriver();

    @Test
    void shouldCancelTheSessionsOrdersUpToTheConnectionThatWentAwayButNoLaterOnesNorRestOrdersAndKeepOriginsInASnapshot() {
        engine.send(order(CONNECTION, 90));
        engine.send(order(0, 91));
        engine.send(order(LATER_CONNECTION, 92));
        engine.send(order(EARLIER_CONNECTION, 93));
        StateBuffer state = new StateBuffer(256);
        engine.logic().writeState(state);
        LogicDriver restored = new LogicDriver();
        restored.logic().restoreState(new StateBuffer(16).load(state.array(), 0, state.length()));

        assertEquals(List.of("canceled #1 DISCONNECT 0/5", "canceled #4 DISCONNECT 0/5",
                        "mass cancel done 2"),
                of(restored.send(restored.command().cancelOnDisconnect(0, CONNECTION))),
                "an earlier connection's (#4, e.g. from before a restart) go; the REST order (#2) and a later connection's (#3) stay");
        assertEquals(2, restored.logic().orders().openOrders(0));
    }

    @Test
    void shouldCancelAllOfTheAccountsOrdersForADisconnectOfNoOriginAsJournalsBeforeOriginsSay() {
        engine.send(order(CONNECTION, 90));
        engine.send(order(0, 91));
        engine.send(engine.command().cancelOnDisconnect(0, 0));
        assertEquals(0, engine.logic().orders().openOrders(0));
    }

    private Command order(long origin, long price) {
        Command command = engine.command().newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 5);
        command.origin = origin;
        return command;
    }
}

package io.ringbook.risk;

import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventText;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The venue-wide cap on open orders: all accounts together, changed by SET_LIMITS for account -1, kept in snapshots. */
class VenueCapTest {

    @Test
    void shouldRefuseANewOrderOfAnyAccountOnceTheVenueHoldsItsCap() {
        RiskFixture risk = RiskFixture.withVenueCap(3);
        assertEquals("accepted #1 A0 BUY 1@100", risk.verdict(0, BUY, 100, 1));
        assertEquals("accepted #2 A1 BUY 1@99", risk.verdict(1, BUY, 99, 1));
        assertEquals("accepted #3 A2 SELL 1@105", risk.verdict(2, SELL, 105, 1));
        assertEquals("rejected #4 MAX_OPEN_ORDERS", risk.verdict(3, SELL, 106, 1), "another account, the venue is full");
        assertEquals("rejected #5 MAX_OPEN_ORDERS", risk.verdict(3, SELL, 100, 1),
                "judged before matching, like every limit: even an order that would trade at once");
    }

    @Test
    void shouldShowAVenueCappedAtNothingAsFullInHealth() {
        RiskFixture risk = RiskFixture.withVenueCap(0);
        assertEquals("rejected #1 MAX_OPEN_ORDERS", risk.verdict(0, BUY, 100, 1));
        HealthCheck health = new OpenOrdersHealth(risk.engine.logic().orders().exposure(), risk.board).check();
        assertEquals(HealthStatus.DEGRADED, health.status());
        assertEquals(100L, health.details().get("usedPct"));
    }

    @Test
    void shouldLetAnOrderInOnceAnotherLeavesTheBook() {
        RiskFixture risk = RiskFixture.withVenueCap(2);
        risk.verdict(0, BUY, 100, 1);
        risk.verdict(1, BUY, 99, 1);
        assertEquals("rejected #3 MAX_OPEN_ORDERS", risk.verdict(2, BUY, 98, 1));
        risk.engine.cancel(0, 1);
        assertEquals("accepted #4 A2 BUY 1@98", risk.verdict(2, BUY, 98, 1));
    }

    @Test
    void shouldTakeANewCapFromSetLimitsForAccountMinusOne() {
        RiskFixture risk = RiskFixture.withVenueCap(1);
        risk.verdict(0, BUY, 100, 1);
        assertEquals("rejected #2 MAX_OPEN_ORDERS", risk.verdict(0, BUY, 99, 1));
        assertEquals(List.of("limits A-1"), EventText.of(risk.engine.send(risk.engine.command()
                .setLimits(-1, AccountLimits.venue(DemoMarket.symbols().size(), 2)))));
        assertEquals(2, risk.board.venueMaxOpenOrders());
        assertEquals("accepted #3 A0 BUY 1@99", risk.verdict(0, BUY, 99, 1));
        assertEquals(AccountLimits.UNLIMITED, risk.board.limits(0).maxOpenOrders(), "the accounts' limits are untouched");
    }

    @Test
    void shouldKeepTheCapInASnapshotAndReadTheFormerLayoutWithTheConfiguredCap() {
        RiskFixture original = RiskFixture.withVenueCap(1);
        original.engine.send(original.engine.command().setLimits(-1, AccountLimits.venue(DemoMarket.symbols().size(), 5)));
        original.engine.send(original.engine.command().killSwitch(2, true));
        StateBuffer state = new StateBuffer(1 << 12);
        original.engine.logic().writeState(state);
        byte[] bytes = Arrays.copyOf(state.array(), state.length());

        RiskFixture restored = RiskFixture.withVenueCap(1);
        restored.engine.logic().restoreState(new StateBuffer(bytes.length).load(bytes, 0, bytes.length));
        assertEquals(5, restored.board.venueMaxOpenOrders(), "the cap an operator command set survives");
        assertEquals(true, restored.board.killSwitch(2).active());

        byte[] former = formerLayout(bytes);
        RiskFixture fromFormer = RiskFixture.withVenueCap(1);
        fromFormer.engine.logic().restoreState(new StateBuffer(former.length).load(former, 0, former.length));
        assertEquals(1, fromFormer.board.venueMaxOpenOrders(), "a version 1 state has no cap: the configured one holds");
        assertEquals(true, fromFormer.board.killSwitch(2).active(), "the rest of a version 1 state is read as before");
        assertEquals("rejected #1 KILL_SWITCH", fromFormer.verdict(2, BUY, 100, 1));
    }

    /** The same state as version 1 wrote it: without the risk state's version mark and without the cap at its end. */
    private static byte[] formerLayout(byte[] state) {
        StateBuffer mark = new StateBuffer(8);
        mark.putLong(RiskSnapshot.VERSION_2);
        byte[] markBytes = Arrays.copyOf(mark.array(), 8);
        int at = indexOf(state, markBytes);
        byte[] former = new byte[state.length - 16];
        System.arraycopy(state, 0, former, 0, at);
        System.arraycopy(state, at + 8, former, at, state.length - at - 16);
        return former;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("no risk state version mark");
    }
}

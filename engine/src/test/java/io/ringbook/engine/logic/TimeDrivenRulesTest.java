package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.ringbook.engine.domain.Side.BUY;
import static io.ringbook.engine.domain.Side.SELL;
import static io.ringbook.engine.testing.EventText.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeDrivenRulesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400 * SECOND;

    private final LogicDriver engine = new LogicDriver();

    @Test
    void shouldExpireADayOrderAtTheEndOfTheUtcDayOnAClockTick() {
        engine.order(0, BUY, OrderType.LIMIT, TimeInForce.DAY, 100, 5);
        long endOfDay = Math.floorDiv(engine.now(), DAY) * DAY + DAY;
        engine.advanceNanos(endOfDay - engine.now() - 1);
        assertEquals(List.of(), of(engine.tick()));
        engine.advanceNanos(1);
        assertEquals(List.of("expired #1"), of(engine.tick()));
        assertEquals(0, engine.logic().orders().openOrders());
    }

    @Test
    void shouldExpireADayOrderAtTheCloseOfItsSymbolsSession() {
        SymbolTable sessions = new SymbolTable(List.of(new SymbolSpec(0, "XYZ", BigDecimal.ONE, BigDecimal.ONE, 0, 0,
                TradingHours.parse("MON-SUN 08:00-16:00"))));
        LogicDriver session = new LogicDriver(sessions, PreTradeCheck.NONE);
        long day = Math.floorDiv(session.now(), DAY) * DAY;
        session.advanceNanos(day + DAY + 9 * 3_600 * SECOND - session.now());
        session.send(session.command().newOrder(0, 0, BUY, OrderType.LIMIT, TimeInForce.DAY, 100, 5));
        session.advanceNanos(7 * 3_600 * SECOND - 1);
        assertEquals(List.of(), of(session.tick()));
        session.advanceNanos(1);
        assertEquals(List.of("expired #1"), of(session.tick()));
    }

    @Test
    void shouldExpireGtdOrdersInExpiryThenOrderIdOrder() {
        gtd(3 * SECOND);
        gtd(2 * SECOND);
        gtd(2 * SECOND);
        engine.advanceNanos(5 * SECOND);
        assertEquals(List.of(
                "expired #2",
                "expired #3",
                "expired #1"), of(engine.tick()));
    }

    @Test
    void shouldNotExpireAnOrderThatFilledBeforeItsTime() {
        gtd(SECOND);
        engine.limit(1, SELL, 100, 5);
        engine.advanceNanos(2 * SECOND);
        assertEquals(List.of(), of(engine.tick()));
    }

    @Test
    void shouldCancelAllOpenOrdersWhenCancelAllAfterIsNotRenewed() {
        engine.limit(0, BUY, 100, 1);
        engine.limit(0, SELL, 105, 1);
        engine.limit(1, BUY, 99, 1);
        engine.send(engine.command().cancelAllAfter(0, 60 * SECOND));
        engine.advanceNanos(30 * SECOND);
        engine.send(engine.command().cancelAllAfter(0, 60 * SECOND));
        engine.advanceNanos(59 * SECOND);
        assertEquals(List.of(), of(engine.tick()));
        engine.advanceNanos(SECOND);
        assertEquals(List.of(
                "canceled #1 CANCEL_ALL_AFTER 0/1",
                "canceled #2 CANCEL_ALL_AFTER 0/1"), of(engine.tick()));
        assertEquals(1, engine.logic().orders().openOrders());
    }

    @Test
    void shouldDisarmCancelAllAfterWithZero() {
        engine.limit(0, BUY, 100, 1);
        engine.send(engine.command().cancelAllAfter(0, SECOND));
        assertEquals(List.of("cancel-all-after A0 0"), of(engine.send(engine.command().cancelAllAfter(0, 0))));
        engine.advanceNanos(2 * SECOND);
        assertEquals(List.of(), of(engine.tick()));
    }

    @Test
    void shouldMassCancelOneSymbolInOrderIdOrder() {
        engine.limit(0, BUY, 100, 1);
        engine.send(engine.command().newOrder(0, DemoMarket.BTC, BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1));
        engine.limit(0, BUY, 101, 1);
        assertEquals(List.of(
                "canceled #1 MASS_CANCEL 0/1",
                "canceled #3 MASS_CANCEL 0/1",
                "mass cancel done 2"), of(engine.send(engine.command().massCancel(0, DemoMarket.TEST))));
        assertEquals(List.of("mass cancel done 0"), of(engine.send(engine.command().massCancel(2, -1))));
    }

    private void gtd(long lifetime) {
        Command command = engine.command().newOrder(0, DemoMarket.TEST, BUY, OrderType.LIMIT, TimeInForce.GTD, 100, 1);
        command.expireTimeNanos = engine.now() + lifetime;
        engine.send(command);
    }
}

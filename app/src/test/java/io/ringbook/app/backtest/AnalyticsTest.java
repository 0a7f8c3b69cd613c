package io.ringbook.app.backtest;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metrics on cases worked out by hand (TEST: tick 1, lot 1, one price unit x one lot = 1,000,000 notional units). */
class AnalyticsTest {

    private static final long UNIT = 1_000_000;
    private static final long DAY = 86_400_000_000_000L;

    private final Analytics analytics = new Analytics(new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2"))));
    private long time = 20_000 * DAY;

    @Test
    void roundTripsDrawdownAndDailyRatio() {
        fill(0, Side.BUY, 100, 10);       // long 10 at 100
        fill(0, Side.SELL, 110, 10);      // +100: a win
        fill(0, Side.BUY, 100, 5);
        fill(0, Side.SELL, 90, 5);        // -50: a loss; equity 50
        time += DAY;
        fill(0, Side.BUY, 100, 2);
        fill(0, Side.SELL, 130, 2);       // +60: a win; equity 110
        Analytics.Account a = analytics.account(0);
        assertEquals(110 * UNIT, a.equity);
        assertEquals(2.0 / 3, a.winRate(), 1e-12);
        assertEquals(160.0 / 50, a.profitFactor(), 1e-12);
        assertEquals(80.0 * UNIT, a.averageWin(), 1e-6);
        assertEquals(50.0 * UNIT, a.averageLoss(), 1e-6);
        assertEquals(50 * UNIT, a.maxDrawdown, "from 100 down to 50 (the mark of 90 on the long 5 counts)");
        assertEquals(List.of(50 * UNIT, 60 * UNIT), a.dailyPnl());
        double mean = 55;
        double sd = Math.sqrt(((50 - mean) * (50 - mean) + (60 - mean) * (60 - mean)) / 1);
        assertEquals(mean / sd, a.sharpe(), 1e-12);
        assertEquals(6, a.fills);
    }

    @Test
    void ordersRejectsAndFillRatio() {
        event(EventType.ORDER_ACCEPTED, 1, 10);
        event(EventType.ORDER_ACCEPTED, 1, 30);
        EngineEvent rejected = event(EventType.ORDER_REJECTED, 1, 5);
        rejected.rejectReason = RejectReason.MAX_ORDER_QTY;
        analytics.onEvent(rejected);
        fill(1, Side.BUY, 100, 10);
        Analytics.Account a = analytics.account(1);
        assertEquals(3, a.orders);
        assertEquals(0.25, a.fillRatio(DemoMarket.TEST), 1e-12, "10 of 40 lots accepted");
        assertEquals("{MAX_ORDER_QTY=1}", a.rejects.toString());
        assertEquals(Double.NaN, a.winRate());
        assertEquals(Double.NaN, a.sharpe(), "one day is not a ratio");
    }

    private EngineEvent event(EventType type, int account, long qty) {
        EngineEvent e = new EngineEvent().clear();
        e.type = type;
        e.accountId = account;
        e.symbolId = DemoMarket.TEST;
        e.qty = qty;
        e.status = OrderStatus.NEW;
        if (type == EventType.ORDER_ACCEPTED) {
            analytics.onEvent(e);
        }
        return e;
    }

    private void fill(int account, Side side, long price, long lots) {
        EngineEvent e = new EngineEvent().clear();
        e.type = EventType.ORDER_FILLED;
        e.accountId = account;
        e.symbolId = DemoMarket.TEST;
        e.side = side;
        e.lastPrice = price;
        e.lastQty = lots;
        e.liquidity = Liquidity.TAKER;
        e.eventTimeNanos = time++;
        analytics.onEvent(e);
    }
}

package io.ringbook.views.orders;

import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.PriceLevel;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderViewsBookOrderTest {

    @Test
    void shouldListEveryRestingOrderInTheEnginesOwnQueueOrder() {
        LogicDriver engine = new LogicDriver();
        OrderViews view = new OrderViews();
        RandomOrderFlow flow = new RandomOrderFlow(5, DemoMarket.ACCOUNTS, DemoMarket.TEST, 300);
        Command command = new Command();
        for (int i = 0; i < 20_000; i++) {
            engine.advanceNanos(50_000_000L);
            engine.send(flow.next(command, engine.now())).forEach(view::onEvent);
        }
        for (Side side : Side.values()) {
            List<Long> expected = new ArrayList<>();
            BookSide levels = engine.logic().book(DemoMarket.TEST).side(side);
            for (int depth = 0; depth < levels.levelCount(); depth++) {
                PriceLevel level = levels.level(depth);
                for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                    expected.add(order.orderId);
                }
            }
            List<Long> actual = view.openOrders(DemoMarket.TEST, side, Integer.MAX_VALUE).stream().map(e -> e.orderId).toList();
            assertEquals(expected, actual, side + " side");
            assertEquals(true, expected.size() > 10, "a real book");
            EngineEvent best = view.openOrders(DemoMarket.TEST, side, 1).get(0);
            assertEquals(levels.level(0).price(), best.price);
        }
    }
}

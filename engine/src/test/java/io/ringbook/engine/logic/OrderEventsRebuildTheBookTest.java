package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order events alone determine the book. After each command, every order its events
 * name (refusals aside) rests, if its last event leaves it open, with what remains of it
 * at its price;
 * the levels summed from that equal, after every command, the levels the market data
 * ({@code BOOK_LEVEL}) set, and at the end the engine's own book. So the book's levels
 * can be rebuilt from the order events by whoever reads them (an auditor from the
 * output journal, or a depth book off the logic thread) without the market-data events,
 * which are most of the events of an amend-heavy flow.
 */
class OrderEventsRebuildTheBookTest {

    private static final int COMMANDS = 20_000;
    private static final long MILLIS = 1_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void theOrderEventsRebuildTheMarketDataAfterEveryCommand(long seed) {
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000).withClOrdIds();
        Map<Side, TreeMap<Long, Long>> fromOrders = book();
        Map<Side, TreeMap<Long, Long>> fromMarketData = book();
        Map<Long, EngineEvent> resting = new HashMap<>();
        Command command = new Command();
        long levelEvents = 0;
        long expired = 0;
        for (int i = 0; i < COMMANDS; i++) {
            // a day passes now and then, so DAY orders expire at its roll
            engine.advanceNanos(i % 5_000 == 4_999 ? DAY : MILLIS);
            List<EngineEvent> events = engine.send(flow.next(command, engine.now()));
            Map<Long, EngineEvent> lastOfEachOrder = new LinkedHashMap<>();
            for (EngineEvent e : events) {
                if (e.type == EventType.BOOK_LEVEL) {
                    setLevel(fromMarketData.get(e.side), e.price, e.qty);
                    levelEvents++;
                } else if (e.orderId != 0 && !isRefusal(e.type)) {
                    lastOfEachOrder.put(e.orderId, e);
                    expired += e.type == EventType.ORDER_EXPIRED ? 1 : 0;
                }
            }
            for (EngineEvent last : lastOfEachOrder.values()) {
                EngineEvent before = resting.remove(last.orderId);
                if (before != null) {
                    addToLevel(fromOrders.get(before.side), before.price, -(before.qty - before.filledQty));
                }
                if (last.status.isOpen()) {
                    resting.put(last.orderId, last);
                    addToLevel(fromOrders.get(last.side), last.price, last.qty - last.filledQty);
                }
            }
            assertEquals(fromMarketData, fromOrders, "the book after command " + i);
        }

        assertEquals(levels(engine, Side.BUY), fromOrders.get(Side.BUY), "the engine's bids");
        assertEquals(levels(engine, Side.SELL), fromOrders.get(Side.SELL), "the engine's asks");
        assertTrue(levelEvents > COMMANDS && expired > 0, "the flow moves the book (" + levelEvents
                + " level events) and orders expire (" + expired + ")");
    }

    /**
     * A refused request changes no resting order. A rejected new order never rested, and
     * a new order refused for a clOrdId already used today is reported against the
     * original order's id (with the refused order's price and quantity), not as a change
     * of the original.
     */
    private static boolean isRefusal(EventType type) {
        return type == EventType.ORDER_REJECTED || type == EventType.CANCEL_REJECTED || type == EventType.AMEND_REJECTED;
    }

    private static Map<Side, TreeMap<Long, Long>> book() {
        Map<Side, TreeMap<Long, Long>> book = new EnumMap<>(Side.class);
        book.put(Side.BUY, new TreeMap<>());
        book.put(Side.SELL, new TreeMap<>());
        return book;
    }

    /** A level's total as market data reports it: zero removes the level. */
    private static void setLevel(TreeMap<Long, Long> side, long price, long qty) {
        if (qty == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    private static void addToLevel(TreeMap<Long, Long> side, long price, long qty) {
        setLevel(side, price, side.getOrDefault(price, 0L) + qty);
    }

    private static TreeMap<Long, Long> levels(LogicDriver engine, Side side) {
        var book = engine.logic().book(DemoMarket.TEST).side(side);
        TreeMap<Long, Long> levels = new TreeMap<>();
        for (int depth = 0; depth < book.levelCount(); depth++) {
            levels.put(book.level(depth).price(), book.level(depth).totalQty());
        }
        return levels;
    }
}

package io.ringbook.views.marketdata;

import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import io.ringbook.views.orders.OrderViews;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The depth book derived from the order events (with the order views in front of it, as
 * in the read models) equals the engine's own book after every
 * command of a long random flow (with clOrdIds, days rolling so DAY orders expire,
 * amends, cancels, mass cancels, IOC, FOK, market, post-only and self-trade prevention),
 * and so does what a stream client rebuilds from its level changes: contiguous
 * sequences, each with the level's new total.
 */
class DepthBookPropertiesTest {

    private static final int COMMANDS = 20_000;
    private static final long MILLIS = 1_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void shouldEqualTheEnginesBookAfterEveryCommand(long seed) {
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000).withClOrdIds();
        DepthBook depth = new DepthBook(DemoMarket.symbols().size());
        OrderViews orders = new OrderViews(16, 16); // few done orders kept: records are evicted and reused all the time
        orders.priorState(depth::before);
        Map<Side, TreeMap<Long, Long>> streamed = Map.of(Side.BUY, new TreeMap<>(Comparator.reverseOrder()), Side.SELL, new TreeMap<>());
        long[] lastSequence = new long[1];
        depth.listener((symbolId, side, price, qty, sequence) -> {
            assertEquals(++lastSequence[0], sequence, "contiguous market-data sequence");
            if (qty == 0) {
                streamed.get(side).remove(price);
            } else {
                streamed.get(side).put(price, qty);
            }
        });
        Command command = new Command();
        long expired = 0;
        long duplicates = 0;
        for (int i = 0; i < COMMANDS; i++) {
            engine.advanceNanos(i % 5_000 == 4_999 ? DAY : MILLIS);
            for (EngineEvent e : engine.send(flow.next(command, engine.now()))) {
                orders.onEvent(e);
                depth.onEvent(e);
                expired += e.type == EventType.ORDER_EXPIRED ? 1 : 0;
                duplicates += e.rejectReason == RejectReason.DUPLICATE_CLORDID ? 1 : 0;
            }
            for (Side side : Side.values()) {
                List<String> engineLevels = levels(engine.logic().book(DemoMarket.TEST).side(side));
                assertEquals(engineLevels, derived(depth, side), side + " levels after command " + i);
                assertEquals(engineLevels, streamedLevels(streamed.get(side)), side + " levels streamed after command " + i);
            }
        }
        assertEquals(lastSequence[0], depth.sequence(DemoMarket.TEST));
        assertTrue(lastSequence[0] > COMMANDS && expired > 0 && duplicates > 0, "the flow moves the book (" + lastSequence[0]
                + " changes), orders expire (" + expired + ") and reused clOrdIds are refused (" + duplicates + ")");
    }

    private static List<String> levels(BookSide side) {
        List<String> levels = new ArrayList<>();
        for (int depth = 0; depth < side.levelCount(); depth++) {
            levels.add(side.level(depth).price() + "x" + side.level(depth).totalQty());
        }
        return levels;
    }

    private static List<String> derived(DepthBook depth, Side side) {
        long[] prices = new long[4_096];
        long[] quantities = new long[4_096];
        int count = depth.depth(DemoMarket.TEST, side, prices, quantities);
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            levels.add(prices[i] + "x" + quantities[i]);
        }
        return levels;
    }

    private static List<String> streamedLevels(TreeMap<Long, Long> side) {
        List<String> levels = new ArrayList<>();
        side.forEach((price, qty) -> levels.add(price + "x" + qty));
        return levels;
    }
}

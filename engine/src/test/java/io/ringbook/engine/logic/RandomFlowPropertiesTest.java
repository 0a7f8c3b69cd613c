package io.ringbook.engine.logic;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.BookConsistency;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventFields;
import io.ringbook.engine.testing.ExactLedger;
import io.ringbook.engine.testing.LiveOrderInvariants;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants over long seeded random order streams: the book is consistent and never
 * crossed after any command; every order's quantity is accounted for (filled, canceled
 * or resting); positions net to zero and equal the fills; market data rebuilds the book,
 * and so do the order events alone; and the same input gives the same output, field for field. With clOrdIds, fees and
 * days passing, and again with prices, quantities and fees pushed to the edge of a
 * long: FOK all or nothing, IOC and MARKET never rest, post-only never takes, open
 * exposure equals the books, every live order found by its clOrdId, and every amount
 * exact ({@link ExactLedger}), never wrapped.
 */
class RandomFlowPropertiesTest {

    private static final int COMMANDS = 20_000;
    private static final long MILLIS = 1_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2024})
    void shouldKeepEveryInvariantAfterEveryCommand(long seed) {
        LogicDriver engine = new LogicDriver();
        List<EngineEvent> events = run(engine, seed, true);

        Map<Long, EngineEvent> lastStateByOrder = new HashMap<>();
        Map<Long, Long> fillsByOrder = new HashMap<>();
        long[] positions = new long[DemoMarket.ACCOUNTS];
        long buys = 0;
        long sells = 0;
        Map<Side, TreeMap<Long, Long>> depth = emptyDepth();
        long depthSequence = 0;
        long marketDataSequence = 0;
        for (EngineEvent e : events) {
            if (e.type == EventType.BOOK_LEVEL && e.symbolId == DemoMarket.TEST) {
                setLevel(depth.get(e.side), e.price, e.qty);
                depthSequence = e.bookSequence;
            }
            if (e.type == EventType.BOOK_LEVEL) {
                assertEquals(++marketDataSequence, e.bookSequence, "market data sequence is contiguous");
            } else if (e.orderId != 0 && e.type != EventType.CANCEL_REJECTED && e.type != EventType.AMEND_REJECTED) {
                lastStateByOrder.put(e.orderId, e);
            }
            if (e.type == EventType.ORDER_FILLED) {
                fillsByOrder.merge(e.orderId, e.lastQty, Long::sum);
                positions[e.accountId] += e.side.sign() * e.lastQty;
                if (e.side == Side.BUY) {
                    buys += e.lastQty;
                } else {
                    sells += e.lastQty;
                }
            }
        }

        assertEquals(buys, sells, "every trade has a buyer and a seller");
        long open = 0;
        for (EngineEvent last : lastStateByOrder.values()) {
            assertEquals(fillsByOrder.getOrDefault(last.orderId, 0L), last.filledQty, "fills add up for order " + last.orderId);
            var live = engine.logic().orders().find(last.orderId);
            if (last.status.isOpen()) {
                open++;
                assertTrue(live != null && live.isResting(), "open order " + last.orderId + " rests on the book");
                assertEquals(last.qty - last.filledQty, live.leavesQty(), "resting quantity of " + last.orderId);
            } else {
                assertEquals(null, live, "finished order " + last.orderId + " left the store");
                if (last.status == OrderStatus.FILLED) {
                    assertEquals(last.qty, last.filledQty);
                } else {
                    assertTrue(last.filledQty < last.qty, "a canceled or rejected order left something unfilled");
                }
            }
        }
        assertEquals(open, engine.logic().orders().openOrders(), "open orders in the events equal the store");

        long net = 0;
        for (int account = 0; account < DemoMarket.ACCOUNTS; account++) {
            long qty = engine.logic().positions().qty(account, DemoMarket.TEST);
            assertEquals(positions[account], qty, "position of account " + account + " equals its fills");
            net += qty;
        }
        assertEquals(0, net, "positions net to zero");

        assertEquals(levels(engine, Side.BUY), depthOf(depth, Side.BUY), "market data rebuilds the bids, best first");
        assertEquals(levels(engine, Side.SELL), depthOf(depth, Side.SELL), "market data rebuilds the asks, best first");
        assertEquals(marketDataSequence, depthSequence);
        assertTrue(buys > COMMANDS, "the stream trades a lot (" + buys + " lots)");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void shouldKeepTheExactnessInvariantsAcrossDaysWithClOrdIdsAndFees(long seed) {
        SymbolTable market = DemoMarket.withTestFees(-100, 700);
        ExactLedger ledger = runChecked(market, new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000).withClOrdIds());
        assertTrue(ledger.fills() > COMMANDS / 4, "the stream trades a lot (" + ledger.fills() + " fills)");
        assertTrue(ledger.fokFilled() > 100 && ledger.fokRejected() > 100, "FOK orders both fill and fail");
    }

    @ParameterizedTest
    @ValueSource(longs = {8, 9, 10})
    void shouldNeverWrapWithPricesQuantitiesAndFeesAtTheEdgeOfALong(long seed) {
        SymbolTable market = DemoMarket.withTestFees(-1_000_000, 1_000_000);
        Map<Object, Integer> seen = new HashMap<>();
        ExactLedger ledger = runChecked(market, new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000)
                .withClOrdIds().scaled(1L << 30, 400_000L + seed), e -> {
                    seen.merge(e.rejectReason, 1, Integer::sum);
                    seen.merge(e.cancelReason, 1, Integer::sum);
                });
        assertTrue(ledger.fills() > 100, "it trades (" + ledger.fills() + " fills)");
        assertTrue(seen.containsKey(CancelReason.UNREPRESENTABLE) && seen.containsKey(RejectReason.INVALID_ORDER),
                "the stream meets the edge: " + seen);
    }

    /**
     * The order events alone determine the book. After each command, every order its
     * events name (refusals aside) rests, if its last event leaves it open, with what
     * remains of it at its price; the levels summed from that equal, after every command,
     * the levels the market data ({@code BOOK_LEVEL}) set, and at the end the engine's own
     * book. So whoever reads the order events (an auditor from the output journal, or a
     * depth book off the logic thread) can rebuild the book's levels without the
     * market-data events, which are most of the events of an amend-heavy flow.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void shouldRebuildTheMarketDataFromTheOrderEventsAloneAfterEveryCommand(long seed) {
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000).withClOrdIds();
        Map<Side, TreeMap<Long, Long>> fromOrders = emptyDepth();
        Map<Side, TreeMap<Long, Long>> fromMarketData = emptyDepth();
        Map<Long, EngineEvent> resting = new HashMap<>();
        Command command = new Command();
        long levelEvents = 0;
        long expired = 0;
        long refusedAgainstResting = 0;
        for (int i = 0; i < COMMANDS; i++) {
            // a day passes now and then, so DAY orders expire at its roll
            engine.advanceNanos(i % 5_000 == 4_999 ? DAY : MILLIS);
            Map<Long, EngineEvent> lastOfEachOrder = new LinkedHashMap<>();
            for (EngineEvent e : engine.send(flow.next(command, engine.now()))) {
                if (e.type == EventType.BOOK_LEVEL) {
                    setLevel(fromMarketData.get(e.side), e.price, e.qty);
                    levelEvents++;
                } else if (e.orderId != 0 && !isRefusal(e.type)) {
                    lastOfEachOrder.put(e.orderId, e);
                    expired += e.type == EventType.ORDER_EXPIRED ? 1 : 0;
                } else if (e.rejectReason == RejectReason.DUPLICATE_CLORDID && resting.containsKey(e.orderId)) {
                    refusedAgainstResting++;
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

        assertEquals(levels(engine, Side.BUY), depthOf(fromOrders, Side.BUY), "the engine's bids, best first");
        assertEquals(levels(engine, Side.SELL), depthOf(fromOrders, Side.SELL), "the engine's asks, best first");
        assertTrue(levelEvents > COMMANDS && expired > 0 && refusedAgainstResting > 0, "the flow moves the book (" + levelEvents
                + " level events), orders expire (" + expired + ") and new orders reusing a resting order's clOrdId are refused ("
                + refusedAgainstResting + ")");
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

    private static void addToLevel(TreeMap<Long, Long> side, long price, long qty) {
        setLevel(side, price, side.getOrDefault(price, 0L) + qty);
    }

    private static ExactLedger runChecked(SymbolTable market, RandomOrderFlow flow) {
        return runChecked(market, flow, e -> { });
    }

    /** Runs the flow with days passing, checking every exactness invariant after every command. */
    private static ExactLedger runChecked(SymbolTable market, RandomOrderFlow flow, Consumer<EngineEvent> observer) {
        LogicDriver engine = new LogicDriver(market, PreTradeCheck.NONE);
        ExactLedger ledger = new ExactLedger(market, DemoMarket.ACCOUNTS);
        Command command = new Command();
        for (int i = 0; i < COMMANDS; i++) {
            engine.advanceNanos(i % 5_000 == 4_999 ? DAY : MILLIS);
            List<EngineEvent> events = engine.send(flow.next(command, engine.now()));
            events.forEach(observer);
            ledger.onCommand(events);
            ledger.assertPositions(engine.logic().positions());
            LiveOrderInvariants.check(engine.logic(), DemoMarket.ACCOUNTS, market.size(), "after command " + i);
        }
        return ledger;
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 99})
    void shouldProduceIdenticalOutputForIdenticalInput(long seed) {
        List<String> first = run(new LogicDriver(), seed, false).stream().map(EventFields::describe).toList();
        List<String> second = run(new LogicDriver(), seed, false).stream().map(EventFields::describe).toList();
        assertEquals(first.size(), second.size());
        assertEquals(first, second);
    }

    private static List<EngineEvent> run(LogicDriver engine, long seed, boolean checkEachStep) {
        RandomOrderFlow flow = new RandomOrderFlow(seed, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1_000);
        List<EngineEvent> events = new ArrayList<>();
        Command command = new Command();
        for (int i = 0; i < COMMANDS; i++) {
            engine.advanceNanos(MILLIS);
            events.addAll(engine.send(flow.next(command, engine.now())));
            if (checkEachStep) {
                int resting = BookConsistency.check(engine.logic().book(DemoMarket.TEST), engine.logic().orders());
                assertEquals(engine.logic().orders().openOrders(), resting, "every open order rests after command " + i);
            }
        }
        return events;
    }

    private static List<String> levels(LogicDriver engine, Side side) {
        var book = engine.logic().book(DemoMarket.TEST).side(side);
        List<String> levels = new ArrayList<>();
        for (int depth = 0; depth < book.levelCount(); depth++) {
            levels.add(book.level(depth).price() + "x" + book.level(depth).totalQty());
        }
        return levels;
    }

    /** A level's total as market data reports it: zero removes the level. */
    private static void setLevel(TreeMap<Long, Long> side, long price, long qty) {
        if (qty == 0) {
            side.remove(price);
        } else {
            side.put(price, qty);
        }
    }

    /** Both sides of a depth book, each in its best-first order. */
    private static Map<Side, TreeMap<Long, Long>> emptyDepth() {
        return Map.of(Side.BUY, new TreeMap<>(Comparator.reverseOrder()), Side.SELL, new TreeMap<>());
    }

    private static List<String> depthOf(Map<Side, TreeMap<Long, Long>> depth, Side side) {
        List<String> levels = new ArrayList<>();
        depth.get(side).forEach((price, qty) -> levels.add(price + "x" + qty));
        return levels;
    }
}

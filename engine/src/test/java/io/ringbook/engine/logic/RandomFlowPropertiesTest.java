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
 * or resting); positions net to zero and equal the fills; and the same input gives the
 * same output, field for field. With clOrdIds, fees and
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
        for (EngineEvent e : events) {
            if (e.orderId != 0 && e.type != EventType.CANCEL_REJECTED && e.type != EventType.AMEND_REJECTED) {
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
}

package io.ringbook.engine.logic;

import io.ringbook.engine.book.ClOrdIdIndex;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.engine.testing.EventFields;
import io.ringbook.engine.testing.LogicDriver;
import io.ringbook.engine.testing.RandomOrderFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot plus the commands after it must behave exactly as the full history does. */
class EngineStateTest {

    private static final long MILLIS = 1_000_000L;

    @ParameterizedTest
    @ValueSource(ints = {1, 500, 7_000})
    void shouldContinueFromARestoredSnapshotExactlyAsTheOriginal(int before) {
        LogicDriver original = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(21, DemoMarket.ACCOUNTS, DemoMarket.TEST, 700);
        Command command = new Command();
        for (int i = 0; i < before; i++) {
            original.advanceNanos(MILLIS * 50);
            original.send(flow.next(command, original.now()));
        }
        original.send(original.command().cancelAllAfter(1, 3_000 * MILLIS));
        StateBuffer state = new StateBuffer(1024);
        original.logic().writeState(state);

        LogicDriver restored = new LogicDriver();
        restored.logic().restoreState(new StateBuffer(16).load(state.array(), 0, state.length()));
        restored.advanceNanos(original.now() - restored.now());
        restored.skipSequences(before + 1);

        StateBuffer again = new StateBuffer(16);
        restored.logic().writeState(again);
        assertEquals(state.length(), again.length());

        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            original.advanceNanos(MILLIS * 50);
            restored.advanceNanos(MILLIS * 50);
            flow.next(command, original.now());
            Command copy = new Command();
            copy.copyFrom(command);
            original.send(command).forEach(e -> expected.add(EventFields.describe(e)));
            restored.send(copy).forEach(e -> actual.add(EventFields.describe(e)));
        }
        assertTrue(expected.size() > 5_000);
        assertEquals(expected, actual);
    }

    /**
     * A layout 5 state, whose books carry a market-data sequence each and whose day's
     * clOrdIds follow the risk state entry by entry (seven longs each), is still read: its
     * ids are used today, and the logic writes the same state as the one it was taken
     * from. (The orders are canceled, so that each book is two empty sides after that
     * sequence.)
     */
    @Test
    void aLayout5StateWithTheDaysIdsEntryByEntryIsStillRead() {
        LogicDriver engine = new LogicDriver();
        ClOrdIdIndex entries = new ClOrdIdIndex(16);
        for (int i = 0; i < 100; i++) {
            Command order = engine.command().newOrder(i % 4, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50 + i % 7, 5);
            order.clOrdId.set("id-" + i);
            long orderId = engine.send(order).get(0).orderId;
            entries.put(i % 4, order.clOrdId, orderId);
            engine.cancel(i % 4, orderId);
        }
        StateBuffer current = new StateBuffer(1024);
        engine.logic().writeStateDeferring(current);
        assertEquals(8, current.array()[0], "this build writes layout 8");
        StateBuffer positions = new StateBuffer(256);
        engine.logic().positions().writeTo(positions);
        int firstBook = 3 * Integer.BYTES + 3 * Long.BYTES + DemoMarket.ACCOUNTS * Long.BYTES + positions.length();
        StateBuffer header = new StateBuffer(16).load(current.array(), 0, 3 * Integer.BYTES);
        header.getInt();
        header.getInt();
        int books = header.getInt();
        int emptyBook = 2 * Integer.BYTES;
        StateBuffer layout5 = new StateBuffer(1024);
        layout5.putInt(5);
        layout5.putBytes(current.array(), Integer.BYTES, firstBook - Integer.BYTES);
        for (int book = 0; book < books; book++) {
            layout5.putLong(0);
            layout5.putBytes(current.array(), firstBook + book * emptyBook, emptyBook);
        }
        int risk = firstBook + books * emptyBook;
        layout5.putBytes(current.array(), risk, current.length() - risk);
        StateBuffer byEntry = new StateBuffer(1024);
        entries.writeTo(byEntry);
        layout5.putBytes(byEntry.array(), Integer.BYTES, byEntry.length() - Integer.BYTES);

        LogicDriver restored = new LogicDriver();
        restored.logic().restoreState(new StateBuffer(16).load(layout5.array(), 0, layout5.length()));
        StateBuffer expected = new StateBuffer(1024);
        engine.logic().writeState(expected);
        StateBuffer again = new StateBuffer(1024);
        restored.logic().writeState(again);
        assertEquals(java.nio.ByteBuffer.wrap(expected.array(), 0, expected.length()), java.nio.ByteBuffer.wrap(again.array(), 0, again.length()));
        restored.advanceNanos(engine.now() - restored.now());
        Command reused = restored.command().newOrder(76 % 4, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1);
        reused.clOrdId.set("id-76");
        assertEquals(io.ringbook.engine.event.EventType.ORDER_REJECTED, restored.send(reused).get(0).type, "a clOrdId used today");
    }

    /**
     * A layout 7 state, whose books each start with a market-data sequence, is still read
     * with its resting orders: made here from this build's state by putting a sequence
     * before each book, it restores a logic that writes the original state byte for byte.
     */
    @Test
    void aLayout7StateWithBookSequencesIsStillRead() {
        LogicDriver engine = new LogicDriver();
        RandomOrderFlow flow = new RandomOrderFlow(31, DemoMarket.ACCOUNTS, DemoMarket.TEST, 700);
        Command command = new Command();
        for (int i = 0; i < 2_000; i++) {
            engine.advanceNanos(MILLIS);
            engine.send(flow.next(command, engine.now()));
        }
        assertTrue(engine.logic().orders().openOrders() > 50, "orders rest: " + engine.logic().orders().openOrders());
        StateBuffer current = new StateBuffer(1024);
        engine.logic().writeState(current);
        StateBuffer positions = new StateBuffer(256);
        engine.logic().positions().writeTo(positions);
        int at = 3 * Integer.BYTES + 3 * Long.BYTES + DemoMarket.ACCOUNTS * Long.BYTES + positions.length();
        StateBuffer layout7 = new StateBuffer(1024);
        layout7.putInt(7);
        layout7.putBytes(current.array(), Integer.BYTES, at - Integer.BYTES);
        for (int symbol = 0; symbol < DemoMarket.symbols().size(); symbol++) {
            int bookBytes = bookBytes(engine.logic().book(symbol));
            layout7.putLong(1_000 + symbol);
            layout7.putBytes(current.array(), at, bookBytes);
            at += bookBytes;
        }
        layout7.putBytes(current.array(), at, current.length() - at);

        LogicDriver restored = new LogicDriver();
        restored.logic().restoreState(new StateBuffer(16).load(layout7.array(), 0, layout7.length()));
        StateBuffer again = new StateBuffer(1024);
        restored.logic().writeState(again);
        assertEquals(java.nio.ByteBuffer.wrap(current.array(), 0, current.length()), java.nio.ByteBuffer.wrap(again.array(), 0, again.length()));
    }

    /** The bytes a book takes in the state: per side an order count, then its orders as they queue. */
    private static int bookBytes(io.ringbook.engine.book.OrderBook book) {
        StateBuffer orders = new StateBuffer(256);
        for (Side side : Side.values()) {
            io.ringbook.engine.book.BookSide levels = book.side(side);
            for (int depth = 0; depth < levels.levelCount(); depth++) {
                for (var order = levels.level(depth).head(); order != null; order = order.nextInLevel()) {
                    order.writeTo(orders);
                }
            }
        }
        return 2 * Integer.BYTES + orders.length();
    }

    @Test
    void shouldRefuseAStateOfAnotherShapeOrCutShort() {
        LogicDriver engine = new LogicDriver();
        engine.limit(0, io.ringbook.engine.domain.Side.BUY, 100, 1);
        StateBuffer state = new StateBuffer(64);
        engine.logic().writeState(state);
        assertThrows(IllegalStateException.class,
                () -> new LogicDriver().logic().restoreState(new StateBuffer(16).load(state.array(), 0, state.length() - 3)));
        byte[] otherVersion = state.array().clone();
        otherVersion[0] = 9;
        assertThrows(IllegalStateException.class,
                () -> new LogicDriver().logic().restoreState(new StateBuffer(16).load(otherVersion, 0, state.length())));
    }
}

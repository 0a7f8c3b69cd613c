package io.ringbook.views.marketdata;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.views.orders.OrderViews;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepthBookTest {

    private final DepthBook book = new DepthBook(2);
    /** The order views in front of the book, as the read models have them: they tell it what each order stood at. */
    private final OrderViews orders = new OrderViews();
    private final List<String> changes = new ArrayList<>();

    DepthBookTest() {
        orders.priorState(book::before);
        book.listener((symbolId, side, price, qty, sequence) -> changes.add(sequence + ": " + side + " " + price + " -> " + qty));
    }

    @Test
    void shouldKeepEachSideBestFirstAndDropEmptiedLevels() {
        rest(1, Side.BUY, 99, 5);
        rest(2, Side.BUY, 101, 1);
        rest(3, Side.BUY, 100, 2);
        rest(4, Side.SELL, 103, 7);
        rest(5, Side.SELL, 102, 3);
        send(event(EventType.ORDER_CANCELED, 2, Side.BUY, 101, 1, 0, OrderStatus.CANCELED, true));
        rest(6, Side.BUY, 100, 2);

        long[] prices = new long[2];
        long[] quantities = new long[2];
        assertEquals(2, book.depth(1, Side.BUY, prices, quantities), "depth is capped by the caller's arrays");
        assertArrayEquals(new long[] {100, 99}, prices);
        assertArrayEquals(new long[] {4, 5}, quantities);
        assertEquals(2, book.depth(1, Side.SELL, prices, quantities));
        assertArrayEquals(new long[] {102, 103}, prices);
        assertEquals(0, book.depth(0, Side.SELL, prices, quantities), "other symbols are untouched");
        assertEquals(7, book.sequence(1));
        assertEquals("6: BUY 101 -> 0", changes.get(5));
    }

    /**
     * A buy of 5 at 101 takes 2 from a resting sell at 100 and rests with 3: the sell's
     * level changes at its fill, the buy counts only when its command ends (never crossed
     * in between), and a duplicate-clOrdId refusal naming the resting buy changes nothing.
     */
    @Test
    void shouldCountAnIncomingOrderWhenItsCommandEndsAndMakersAtTheirFills() {
        rest(1, Side.SELL, 100, 2);
        send(event(EventType.ORDER_ACCEPTED, 2, Side.BUY, 101, 5, 0, OrderStatus.NEW, false));
        send(event(EventType.ORDER_FILLED, 2, Side.BUY, 101, 5, 2, OrderStatus.PARTIALLY_FILLED, false));
        assertEquals(0, book.snapshot(1, 5).bids(), "the incoming buy is not on the book while it matches");
        send(event(EventType.ORDER_FILLED, 1, Side.SELL, 100, 2, 2, OrderStatus.FILLED, true));
        EngineEvent duplicate = event(EventType.ORDER_REJECTED, 2, Side.BUY, 90, 9, 0, OrderStatus.REJECTED, true);
        duplicate.rejectReason = RejectReason.DUPLICATE_CLORDID;
        send(duplicate);

        assertEquals(List.of("1: SELL 100 -> 2", "2: SELL 100 -> 0", "3: BUY 101 -> 3"), changes);
        DepthBook.Snapshot snapshot = book.snapshot(1, 5);
        assertEquals(3, snapshot.sequence());
        assertEquals(1, snapshot.bids());
        assertEquals(3, snapshot.bidQuantities()[0]);
        assertEquals(0, snapshot.asks());
    }

    @Test
    void shouldMoveAnAmendedOrderAndKeepItsLevelWhenOnlyItsQuantityChanges() {
        rest(1, Side.BUY, 100, 5);
        rest(2, Side.BUY, 100, 5);
        send(event(EventType.ORDER_REPLACED, 1, Side.BUY, 100, 3, 0, OrderStatus.NEW, true));
        send(event(EventType.ORDER_REPLACED, 2, Side.BUY, 99, 5, 0, OrderStatus.NEW, true));
        send(event(EventType.AMEND_REJECTED, 2, Side.BUY, 99, 5, 0, OrderStatus.NEW, true));

        assertEquals(List.of("1: BUY 100 -> 5", "2: BUY 100 -> 10", "3: BUY 100 -> 8", "4: BUY 100 -> 3", "5: BUY 99 -> 5"), changes);
    }

    @Test
    void shouldCountRestoredOpenOrdersWithoutNumberingThem() {
        send(event(EventType.SNAPSHOT_TAKEN, 0, null, 0, 0, 0, null, true));
        for (EngineEvent state : List.of(event(EventType.ORDER_FILLED, 1, Side.SELL, 105, 10, 4, OrderStatus.PARTIALLY_FILLED, true),
                event(EventType.ORDER_FILLED, 2, Side.SELL, 104, 10, 10, OrderStatus.FILLED, true))) {
            orders.onEvent(state); // as a restored read model holds them
        }
        orders.forEachOpen(book::restoreResting);
        assertEquals(List.of(), changes);
        DepthBook.Snapshot snapshot = book.snapshot(1, 5);
        assertEquals(1, snapshot.asks());
        assertEquals(6, snapshot.askQuantities()[0]);
        send(event(EventType.ORDER_CANCELED, 1, Side.SELL, 105, 10, 4, OrderStatus.CANCELED, true));
        assertEquals(List.of("1: SELL 105 -> 0"), changes, "the restored order leaves its level when it ends");
    }

    /**
     * An older output journal, read at start, holds the engine's own level events too,
     * and a command's end often sits on one of them: the levels are passed over, the end
     * still counts the incoming order.
     */
    @Test
    void shouldPassOverAnOlderJournalsLevelEventsAndCountAtTheEndTheyCarry() {
        send(event(EventType.ORDER_ACCEPTED, 1, Side.BUY, 100, 5, 0, OrderStatus.NEW, false));
        EngineEvent level = event(EventType.BOOK_LEVEL, 0, Side.BUY, 100, 5, 0, null, true);
        level.bookSequence = 77;
        send(level);

        assertEquals(List.of("1: BUY 100 -> 5"), changes);
        assertEquals(1, book.sequence(1), "numbered by the depth book, not by the level event");
    }

    /** A listener that fails cannot leave an order half moved, nor stop the next changes from being told. */
    @Test
    void shouldMoveAnOrderWholeEvenWhenTheListenerFails() {
        rest(1, Side.BUY, 100, 5);
        book.listener((symbolId, side, price, qty, sequence) -> {
            throw new IllegalStateException("a failing stream");
        });
        EngineEvent moved = event(EventType.ORDER_REPLACED, 1, Side.BUY, 99, 5, 0, OrderStatus.NEW, true);
        assertThrows(IllegalStateException.class, () -> send(moved));
        DepthBook.Snapshot snapshot = book.snapshot(1, 5);
        assertEquals(1, snapshot.bids());
        assertEquals(99, snapshot.bidPrices()[0]);
        assertEquals(5, snapshot.bidQuantities()[0]);
        assertEquals(3, snapshot.sequence());

        book.listener((symbolId, side, price, qty, sequence) -> changes.add(sequence + ": " + side + " " + price + " -> " + qty));
        rest(2, Side.SELL, 101, 1);
        send(event(EventType.ORDER_REPLACED, 1, Side.BUY, 98, 5, 0, OrderStatus.NEW, true));
        assertEquals(List.of("1: BUY 100 -> 5", "4: SELL 101 -> 1", "5: BUY 99 -> 0", "6: BUY 98 -> 5"), changes);
    }

    /** A state of the older snapshot format, with each side's levels after the sequence: the sequence kept, the levels passed over. */
    @Test
    void shouldReadAnOlderStateWithLevelsKeepingOnlyTheSequences() {
        StateBuffer older = new StateBuffer(256);
        for (int symbol = 0; symbol < 2; symbol++) {
            older.putLong(40 + symbol);
            older.putInt(1);
            older.putLong(99);
            older.putLong(5);
            older.putInt(0);
        }
        older.putLong(-7);
        StateBuffer in = new StateBuffer(16).load(older.array(), 0, older.length());
        book.readState(in, true);
        assertEquals(-7, in.getLong(), "what follows the depth book is read next");
        assertEquals(41, book.sequence(1));
        assertEquals(0, book.snapshot(1, 5).bids(), "levels come from the restored open orders, not from the state");
        rest(1, Side.BUY, 99, 5);
        assertEquals(List.of("42: BUY 99 -> 5"), changes, "numbering goes on from the state's sequence");
    }

    @Test
    void shouldCopyBothSidesWithTheSequenceTheyIncludeWhileUpdatesRace() throws Exception {
        int count = 20_000;
        // change k rests the bid order k at price k (and, every other change, the ask 100,000 + k): the book at sequence S is known
        Thread writer = new Thread(() -> {
            for (int k = 1; k <= count; k++) {
                if (k % 2 == 0) {
                    rest(k, Side.SELL, 100_000 + k, k);
                } else {
                    rest(k, Side.BUY, k, k);
                }
            }
        });
        writer.start();
        int checked = 0;
        long seen = 0;
        while (seen < count) {
            DepthBook.Snapshot snapshot = book.snapshot(1, 5);
            seen = snapshot.sequence();
            assertEquals(Math.min(5, (seen + 1) / 2), snapshot.bids(), "bids at sequence " + seen);
            assertEquals(Math.min(5, seen / 2), snapshot.asks(), "asks at sequence " + seen);
            if (snapshot.bids() > 0) {
                assertEquals(seen % 2 == 1 ? seen : seen - 1, snapshot.bidPrices()[0], "the best bid is the newest at " + seen);
                assertEquals(snapshot.bidPrices()[0], snapshot.bidQuantities()[0]);
            }
            if (snapshot.asks() > 0) {
                assertEquals(100_002, snapshot.askPrices()[0], "the best ask is the first");
            }
            checked++;
        }
        writer.join(5_000);
        assertTrue(checked > 1, "read while the writer ran: " + checked);
    }

    /** An event as the read models take it: the order views, then the book. */
    private void send(EngineEvent event) {
        orders.onEvent(event);
        book.onEvent(event);
    }

    /** A new order that rests whole: its acknowledgement is its command's only event. */
    private void rest(long orderId, Side side, long price, long qty) {
        send(event(EventType.ORDER_ACCEPTED, orderId, side, price, qty, 0, OrderStatus.NEW, true));
    }

    private static EngineEvent event(EventType type, long orderId, Side side, long price, long qty, long filled, OrderStatus status,
                                     boolean lastOfCommand) {
        EngineEvent event = new EngineEvent().clear();
        event.type = type;
        event.orderId = orderId;
        event.accountId = 0;
        event.symbolId = 1;
        event.side = side;
        event.price = price;
        event.qty = qty;
        event.filledQty = filled;
        event.status = status;
        event.lastOfCommand = lastOfCommand;
        if (type == EventType.ORDER_FILLED) {
            event.liquidity = Liquidity.MAKER;
            event.lastPrice = price;
            event.lastQty = 1;
        }
        return event;
    }
}

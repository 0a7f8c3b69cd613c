package io.ringbook.views.orders;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.StateBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A record keeps what only some orders need (the price and quantity as placed once an
 * amend changed them, the filled amounts, the fills) apart from its fixed fields, and its
 * enums packed: it must still answer exactly what the events said, and write the
 * read-model file's order layout of version 4 word for word, so that files written before
 * read back the same.
 */
class OrderRecordTest {

    @Test
    void shouldAnswerAsTheEventsSaidAcrossAnAmendAndFills() {
        OrderRecord record = new OrderRecord(7);
        EngineEvent accepted = event(EventType.ORDER_ACCEPTED, OrderStatus.NEW, 100, 10, 0, 0);
        record.apply(accepted, true);
        assertEquals(describe(accepted), describe(record.stateEvent()));
        assertEquals(describe(accepted), describe(record.originalEvent()));

        EngineEvent replaced = event(EventType.ORDER_REPLACED, OrderStatus.NEW, 101, 8, 0, 0);
        record.apply(replaced, false);
        EngineEvent fill1 = fill(event(EventType.ORDER_FILLED, OrderStatus.PARTIALLY_FILLED, 101, 8, 3, 303), 11, 3);
        record.apply(fill1, false);
        EngineEvent fill2 = fill(event(EventType.ORDER_FILLED, OrderStatus.FILLED, 101, 8, 8, 808), 12, 5);
        record.apply(fill2, false);

        EngineEvent state = fill2.copy();
        state.tradeId = 0;
        state.lastQty = 0;
        state.lastPrice = 0;
        state.fee = 0;
        state.liquidity = null;
        assertEquals(describe(state), describe(record.stateEvent()));
        EngineEvent original = record.originalEvent();
        assertEquals(100, original.price);
        assertEquals(10, original.qty);
        List<EngineEvent> fills = record.fillEvents();
        assertEquals(List.of(11L, 12L), fills.stream().map(e -> e.tradeId).toList());
        assertEquals(List.of(3L, 5L), fills.stream().map(e -> e.lastQty).toList());
        assertEquals(describe(fill2), describe(fills.get(1)));

        OrderRecord restored = roundTrip(record);
        assertEquals(describe(record.stateEvent()), describe(restored.stateEvent()));
        assertEquals(describe(record.originalEvent()), describe(restored.originalEvent()));
        assertEquals(record.fillEvents().stream().map(OrderRecordTest::describe).toList(),
                restored.fillEvents().stream().map(OrderRecordTest::describe).toList());
    }

    @Test
    void shouldWriteTheOrderLayoutOfVersion4WordForWord() {
        OrderRecord record = new OrderRecord(7);
        record.apply(event(EventType.ORDER_ACCEPTED, OrderStatus.NEW, 100, 10, 0, 0), true);
        record.apply(fill(event(EventType.ORDER_FILLED, OrderStatus.PARTIALLY_FILLED, 100, 10, 4, 400), 11, 4), false);
        record.arrival = 9;
        LongChunks words = new LongChunks();
        record.copyTo(words);
        StateBuffer written = new StateBuffer(256);
        OrderRecord.write(words, written);

        StateBuffer expected = new StateBuffer(256);
        for (long word : new long[] {7, 70, 100, 10, 4, 400, 5_000, 1_000, 2_000, 100, 10, 9}) {
            expected.putLong(word); // orderId, execId, price, qty, filled qty and notional, expiry, created, updated, original price and qty, arrival
        }
        EngineEvent any = event(EventType.ORDER_ACCEPTED, OrderStatus.NEW, 0, 0, 0, 0);
        for (int i = 0; i < 5; i++) {
            expected.putLong(any.clOrdId.word(i));
        }
        expected.putInt(3);
        expected.putInt(1);
        expected.putLong((long) any.clOrdId.length() << 56 | (long) EventType.ORDER_FILLED.ordinal() << 48 | (long) Side.SELL.ordinal() << 40
                | (long) OrderType.LIMIT.ordinal() << 32 | (long) TimeInForce.GTD.ordinal() << 24 | (long) StpMode.CANCEL_BOTH.ordinal() << 16
                | (long) OrderStatus.PARTIALLY_FILLED.ordinal() << 8 | 0); // RejectReason.NONE's ordinal
        expected.putInt(CancelReason.NONE.ordinal() | 1 << 8); // post-only
        expected.putInt(1);
        for (long word : new long[] {11, 70, 100, 4, 2, 2_000, Liquidity.MAKER.ordinal()}) {
            expected.putLong(word);
        }
        assertArrayEquals(Arrays.copyOf(expected.array(), expected.length()), Arrays.copyOf(written.array(), written.length()));
    }

    private static OrderRecord roundTrip(OrderRecord record) {
        LongChunks words = new LongChunks();
        record.copyTo(words);
        StateBuffer out = new StateBuffer(256);
        OrderRecord.write(words, out);
        return OrderRecord.read(new StateBuffer(16).load(out.array(), 0, out.length()));
    }

    private static EngineEvent event(EventType type, OrderStatus status, long price, long qty, long filledQty, long filledNotional) {
        EngineEvent event = OrderEvents.order(7, "keep-42", type, status, 70, 0, 2_000);
        event.accountId = 3;
        event.symbolId = 1;
        event.side = Side.SELL;
        event.orderType = OrderType.LIMIT;
        event.timeInForce = TimeInForce.GTD;
        event.stpMode = StpMode.CANCEL_BOTH;
        event.postOnly = true;
        event.cancelReason = CancelReason.NONE;
        event.price = price;
        event.qty = qty;
        event.filledQty = filledQty;
        event.filledNotional = filledNotional;
        event.expireTimeNanos = 5_000;
        event.createdTimeNanos = 1_000;
        return event;
    }

    private static EngineEvent fill(EngineEvent event, long tradeId, long lots) {
        event.tradeId = tradeId;
        event.lastQty = lots;
        event.lastPrice = event.price;
        event.fee = 2;
        event.liquidity = Liquidity.MAKER;
        return event;
    }

    /** Every field a record keeps, as text. */
    private static String describe(EngineEvent e) {
        return e + " exec=" + e.execId + " " + e.orderType + " " + e.timeInForce + " " + e.stpMode + " postOnly=" + e.postOnly
                + " notional=" + e.filledNotional + " expire=" + e.expireTimeNanos + " created=" + e.createdTimeNanos
                + " at=" + e.eventTimeNanos + " clOrdId=" + e.clOrdId + " fee=" + e.fee;
    }
}

package io.ringbook.views.orders;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.StateBuffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One order as the read models keep it: its latest state in primitive fields (enums as
 * ordinals, the clOrdId as its five packed words), its price and quantity as first
 * placed, and its fills packed in one {@code long[]}; no event copies, no Strings. About
 * 200 bytes for an order without fills. Written on the outbound thread only, read under
 * the owning view's lock; {@link #stateEvent()} and {@link #fillEvents()} build the
 * events the HTTP layer renders.
 */
final class OrderRecord {

    private static final EventType[] TYPES = EventType.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final RejectReason[] REJECTS = RejectReason.values();
    private static final CancelReason[] CANCELS = CancelReason.values();
    private static final byte NONE = -1;
    private static final int FILL_WORDS = PackedFill.WORDS;

    final long orderId;
    int accountId;
    int symbolId;
    long execId;
    long price;
    long qty;
    long filledQty;
    long filledNotional;
    long expireTimeNanos;
    long createdTimeNanos;
    long updatedTimeNanos;
    long originalPrice;
    long originalQty;
    /** The order's place in its price's queue: a new arrival (or an amend that loses priority) takes the next number. */
    long arrival;
    long clOrdId0;
    long clOrdId1;
    long clOrdId2;
    long clOrdId3;
    long clOrdId4;
    byte clOrdIdLength;
    byte type;
    byte side;
    byte orderType;
    byte timeInForce;
    byte stpMode;
    byte status;
    byte rejectReason;
    byte cancelReason;
    boolean postOnly;
    private long[] fills;
    private int fillCount;
    /** The account's open orders, oldest first, linked through the orders themselves ({@link AccountOrders}). */
    OrderRecord newer;
    OrderRecord older;

    OrderRecord(long orderId) {
        this.orderId = orderId;
    }

    /** Takes the order's fields from its latest event; the first event also fixes what the order was placed as. */
    void apply(EngineEvent event, boolean first) {
        accountId = event.accountId;
        symbolId = event.symbolId;
        execId = event.execId;
        price = event.price;
        qty = event.qty;
        filledQty = event.filledQty;
        filledNotional = event.filledNotional;
        expireTimeNanos = event.expireTimeNanos;
        createdTimeNanos = event.createdTimeNanos;
        updatedTimeNanos = event.eventTimeNanos;
        ClOrdId id = event.clOrdId;
        clOrdId0 = id.word(0);
        clOrdId1 = id.word(1);
        clOrdId2 = id.word(2);
        clOrdId3 = id.word(3);
        clOrdId4 = id.word(4);
        clOrdIdLength = (byte) id.length();
        type = ordinal(event.type);
        side = ordinal(event.side);
        orderType = ordinal(event.orderType);
        timeInForce = ordinal(event.timeInForce);
        stpMode = ordinal(event.stpMode);
        status = ordinal(event.status);
        rejectReason = ordinal(event.rejectReason);
        cancelReason = ordinal(event.cancelReason);
        postOnly = event.postOnly;
        if (first) {
            originalPrice = event.price;
            originalQty = event.qty;
        }
        if (event.type == EventType.ORDER_FILLED) {
            addFill(event);
        }
    }

    /** Whether the order can still trade. */
    boolean isOpen() {
        return status != NONE && STATUSES[status].isOpen();
    }

    OrderStatus status() {
        return status == NONE ? null : STATUSES[status];
    }

    Side side() {
        return side == NONE ? null : SIDES[side];
    }

    /** Whether the order's current clOrdId is {@code id}. */
    boolean carries(ClOrdId id) {
        return clOrdIdLength == id.length() && clOrdId0 == id.word(0) && clOrdId1 == id.word(1) && clOrdId2 == id.word(2)
                && clOrdId3 == id.word(3) && clOrdId4 == id.word(4);
    }

    /** The order's latest state as an event, as the engine last reported it. */
    EngineEvent stateEvent() {
        EngineEvent e = new EngineEvent();
        e.type = type == NONE ? null : TYPES[type];
        e.execId = execId;
        e.orderId = orderId;
        e.accountId = accountId;
        e.symbolId = symbolId;
        e.side = side();
        e.orderType = orderType == NONE ? null : ORDER_TYPES[orderType];
        e.timeInForce = timeInForce == NONE ? null : TIFS[timeInForce];
        e.stpMode = stpMode == NONE ? null : STP_MODES[stpMode];
        e.postOnly = postOnly;
        e.price = price;
        e.qty = qty;
        e.filledQty = filledQty;
        e.filledNotional = filledNotional;
        e.expireTimeNanos = expireTimeNanos;
        e.createdTimeNanos = createdTimeNanos;
        e.eventTimeNanos = updatedTimeNanos;
        e.status = status();
        e.rejectReason = rejectReason == NONE ? RejectReason.NONE : REJECTS[rejectReason];
        e.cancelReason = cancelReason == NONE ? CancelReason.NONE : CANCELS[cancelReason];
        e.clOrdId.setWords(clOrdId0, clOrdId1, clOrdId2, clOrdId3, clOrdId4, clOrdIdLength);
        return e;
    }

    /** The order as first placed: its state with the price and quantity it was placed with (before any amend). */
    EngineEvent originalEvent() {
        EngineEvent e = stateEvent();
        e.price = originalPrice;
        e.qty = originalQty;
        return e;
    }

    /** The order's fills, oldest first, each as the ORDER_FILLED event that reported it (order fields as now). */
    List<EngineEvent> fillEvents() {
        List<EngineEvent> events = new ArrayList<>(fillCount);
        for (int i = 0; i < fillCount; i++) {
            EngineEvent e = stateEvent();
            PackedFill.read(fills, i * FILL_WORDS, e);
            events.add(e);
        }
        return events;
    }

    /**
     * Copies the fields a snapshot writes, cheaply (no encoding), for {@link #write} on
     * another thread: the words of the snapshot's format with the ints paired into longs.
     */
    void copyTo(LongChunks out) {
        out.add(orderId);
        out.add(execId);
        out.add(price);
        out.add(qty);
        out.add(filledQty);
        out.add(filledNotional);
        out.add(expireTimeNanos);
        out.add(createdTimeNanos);
        out.add(updatedTimeNanos);
        out.add(originalPrice);
        out.add(originalQty);
        out.add(arrival);
        out.add(clOrdId0);
        out.add(clOrdId1);
        out.add(clOrdId2);
        out.add(clOrdId3);
        out.add(clOrdId4);
        out.add((long) accountId << 32 | (symbolId & 0xFFFF_FFFFL));
        out.add(pack(clOrdIdLength, type, side, orderType, timeInForce, stpMode, status, rejectReason));
        out.add((long) ((cancelReason & 0xFF) | (postOnly ? 1 << 8 : 0)) << 32 | fillCount);
        for (int i = 0; i < fillCount * FILL_WORDS; i++) {
            out.add(fills[i]);
        }
    }

    /** Writes one order {@link #copyTo} copied, in the snapshot's format ({@link #read} reads it). */
    static void write(LongChunks in, StateBuffer out) {
        for (int i = 0; i < 17; i++) {
            out.putLong(in.next()); // orderId, then the sixteen long fields
        }
        long accountSymbol = in.next();
        out.putInt((int) (accountSymbol >>> 32));
        out.putInt((int) accountSymbol);
        out.putLong(in.next());
        long last = in.next();
        int fillCount = (int) last;
        out.putInt((int) (last >>> 32));
        out.putInt(fillCount);
        for (int i = 0; i < fillCount * FILL_WORDS; i++) {
            out.putLong(in.next());
        }
    }

    /** An order as {@link #write} wrote it. */
    static OrderRecord read(StateBuffer in) {
        OrderRecord order = new OrderRecord(in.getLong());
        order.execId = in.getLong();
        order.price = in.getLong();
        order.qty = in.getLong();
        order.filledQty = in.getLong();
        order.filledNotional = in.getLong();
        order.expireTimeNanos = in.getLong();
        order.createdTimeNanos = in.getLong();
        order.updatedTimeNanos = in.getLong();
        order.originalPrice = in.getLong();
        order.originalQty = in.getLong();
        order.arrival = in.getLong();
        order.clOrdId0 = in.getLong();
        order.clOrdId1 = in.getLong();
        order.clOrdId2 = in.getLong();
        order.clOrdId3 = in.getLong();
        order.clOrdId4 = in.getLong();
        order.accountId = in.getInt();
        order.symbolId = in.getInt();
        long bytes = in.getLong();
        order.clOrdIdLength = (byte) (bytes >>> 56);
        order.type = (byte) (bytes >>> 48);
        order.side = (byte) (bytes >>> 40);
        order.orderType = (byte) (bytes >>> 32);
        order.timeInForce = (byte) (bytes >>> 24);
        order.stpMode = (byte) (bytes >>> 16);
        order.status = (byte) (bytes >>> 8);
        order.rejectReason = (byte) bytes;
        int last = in.getInt();
        order.cancelReason = (byte) last;
        order.postOnly = (last & (1 << 8)) != 0;
        order.fillCount = in.getInt();
        if (order.fillCount > 0) {
            order.fills = new long[order.fillCount * FILL_WORDS];
            for (int i = 0; i < order.fills.length; i++) {
                order.fills[i] = in.getLong();
            }
        }
        return order;
    }

    private static long pack(byte... bytes) {
        long packed = 0;
        for (byte b : bytes) {
            packed = (packed << 8) | (b & 0xFF);
        }
        return packed;
    }

    private void addFill(EngineEvent event) {
        if (fills == null) {
            fills = new long[FILL_WORDS];
        } else if ((fillCount + 1) * FILL_WORDS > fills.length) {
            fills = Arrays.copyOf(fills, fills.length * 2);
        }
        PackedFill.write(event, fills, fillCount * FILL_WORDS);
        fillCount++;
    }

    private static byte ordinal(Enum<?> value) {
        return value == null ? NONE : (byte) value.ordinal();
    }
}

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
 * One order as the read models keep it, in 144 bytes for the common resting order (one
 * never amended nor filled): its latest state in primitive fields, the clOrdId as its
 * five packed words, its eight enums, the clOrdId's length and post-only packed in one
 * {@code long}; no event copies, no Strings. What only some orders need (the price and
 * quantity as first placed once an amend changed them, the filled quantity and notional,
 * the fills) lives in one {@code long[]} made on the first amend or fill, so that an open
 * order that only rests pays nothing for it. A record whose order is no longer kept is
 * {@link #reuse reused} for a new order, with its extra words: a steady flow of orders then
 * makes no new records (which the young collections would copy while the record is kept,
 * 65,536 done orders' time). Written on the outbound thread only, read under the owning
 * view's lock, never held by a reader across two holds of it (the record may meanwhile
 * be another order's); {@link #stateEvent()} and {@link #fillEvents()} build the events
 * the HTTP layer renders.
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
    private static final int FILL_WORDS = PackedFill.WORDS;
    /** The enums' lanes in {@link #flags}: seven bits each, holding the ordinal plus one (0: none). */
    private static final int TYPE = 0;
    private static final int SIDE = 1;
    private static final int ORDER_TYPE = 2;
    private static final int TIF = 3;
    private static final int STP = 4;
    private static final int STATUS = 5;
    private static final int REJECT = 6;
    private static final int CANCEL = 7;
    private static final int LANE_BITS = 7;
    private static final int LENGTH_SHIFT = 8 * LANE_BITS;
    private static final long POST_ONLY = 1L << 62;
    /** In {@link #flags}: {@link #extras} holds this order's words (the order was amended or filled); kept across updates. */
    private static final long EXTENDED = 1L << 63;
    /** The words of {@link #extras} before the fills. */
    private static final int ORIGINAL_PRICE = 0;
    private static final int ORIGINAL_QTY = 1;
    private static final int FILLED_QTY = 2;
    private static final int FILLED_NOTIONAL = 3;
    private static final int FILL_COUNT = 4;
    private static final int FILLS = 5;

    long orderId;
    int accountId;
    int symbolId;
    long execId;
    long price;
    long qty;
    long expireTimeNanos;
    long createdTimeNanos;
    long updatedTimeNanos;
    /** The order's place in its price's queue: a new arrival (or an amend that loses priority) takes the next number. */
    long arrival;
    long clOrdId0;
    long clOrdId1;
    long clOrdId2;
    long clOrdId3;
    long clOrdId4;
    /** The eight enums in lanes, the clOrdId's length above them, then post-only and {@link #EXTENDED}. */
    private long flags;
    /**
     * Once the order was amended or filled ({@link #EXTENDED}): the original price and
     * quantity, the filled quantity and notional, the fill count, then the fills
     * ({@link PackedFill}). Null until first needed; a reused record keeps its array for its next order.
     */
    private long[] extras;
    /** The account's open orders, oldest first, linked through the orders themselves ({@link AccountOrders}). */
    OrderRecord newer;
    OrderRecord older;

    OrderRecord(long orderId) {
        this.orderId = orderId;
    }

    /** Makes this record, whose order is no longer kept anywhere, a blank one for {@code newOrderId}. */
    void reuse(long newOrderId) {
        orderId = newOrderId;
        accountId = 0;
        symbolId = 0;
        execId = 0;
        price = 0;
        qty = 0;
        expireTimeNanos = 0;
        createdTimeNanos = 0;
        updatedTimeNanos = 0;
        arrival = 0;
        clOrdId0 = 0;
        clOrdId1 = 0;
        clOrdId2 = 0;
        clOrdId3 = 0;
        clOrdId4 = 0;
        flags = 0;
        newer = null;
        older = null;
    }

    /** Takes the order's fields from its latest event; the first event also fixes what the order was placed as. */
    void apply(EngineEvent event, boolean first) {
        if (first) {
            price = event.price;
            qty = event.qty;
        } else if (!extended() && (event.price != price || event.qty != qty)) {
            extras(); // keeps the price and quantity as first placed before they change
        }
        if ((event.filledQty | event.filledNotional) != 0 || extended()) {
            long[] more = extras();
            more[FILLED_QTY] = event.filledQty;
            more[FILLED_NOTIONAL] = event.filledNotional;
        }
        accountId = event.accountId;
        symbolId = event.symbolId;
        execId = event.execId;
        price = event.price;
        qty = event.qty;
        expireTimeNanos = event.expireTimeNanos;
        createdTimeNanos = event.createdTimeNanos;
        updatedTimeNanos = event.eventTimeNanos;
        ClOrdId id = event.clOrdId;
        clOrdId0 = id.word(0);
        clOrdId1 = id.word(1);
        clOrdId2 = id.word(2);
        clOrdId3 = id.word(3);
        clOrdId4 = id.word(4);
        flags = lane(TYPE, event.type) | lane(SIDE, event.side) | lane(ORDER_TYPE, event.orderType) | lane(TIF, event.timeInForce)
                | lane(STP, event.stpMode) | lane(STATUS, event.status) | lane(REJECT, event.rejectReason)
                | lane(CANCEL, event.cancelReason) | (long) id.length() << LENGTH_SHIFT | (event.postOnly ? POST_ONLY : 0)
                | (flags & EXTENDED);
        if (event.type == EventType.ORDER_FILLED) {
            addFill(event);
        }
    }

    /** What the order has open on its book, 0 once it is done. */
    long openQty() {
        return isOpen() ? qty - extra(FILLED_QTY, 0) : 0;
    }

    /** Whether the order can still trade. */
    boolean isOpen() {
        OrderStatus status = status();
        return status != null && status.isOpen();
    }

    OrderStatus status() {
        return value(STATUSES, STATUS);
    }

    Side side() {
        return value(SIDES, SIDE);
    }

    int clOrdIdLength() {
        return (int) (flags >>> LENGTH_SHIFT) & 0x3F;
    }

    /** Whether the order's current clOrdId is {@code id}. */
    boolean carries(ClOrdId id) {
        return clOrdIdLength() == id.length() && clOrdId0 == id.word(0) && clOrdId1 == id.word(1) && clOrdId2 == id.word(2)
                && clOrdId3 == id.word(3) && clOrdId4 == id.word(4);
    }

    /** The order's latest state as an event, as the engine last reported it. */
    EngineEvent stateEvent() {
        EngineEvent e = new EngineEvent();
        e.type = value(TYPES, TYPE);
        e.execId = execId;
        e.orderId = orderId;
        e.accountId = accountId;
        e.symbolId = symbolId;
        e.side = side();
        e.orderType = value(ORDER_TYPES, ORDER_TYPE);
        e.timeInForce = value(TIFS, TIF);
        e.stpMode = value(STP_MODES, STP);
        e.postOnly = (flags & POST_ONLY) != 0;
        e.price = price;
        e.qty = qty;
        e.filledQty = extra(FILLED_QTY, 0);
        e.filledNotional = extra(FILLED_NOTIONAL, 0);
        e.expireTimeNanos = expireTimeNanos;
        e.createdTimeNanos = createdTimeNanos;
        e.eventTimeNanos = updatedTimeNanos;
        e.status = status();
        RejectReason reject = value(REJECTS, REJECT);
        e.rejectReason = reject == null ? RejectReason.NONE : reject;
        CancelReason cancel = value(CANCELS, CANCEL);
        e.cancelReason = cancel == null ? CancelReason.NONE : cancel;
        e.clOrdId.setWords(clOrdId0, clOrdId1, clOrdId2, clOrdId3, clOrdId4, clOrdIdLength());
        return e;
    }

    /** The order as first placed: its state with the price and quantity it was placed with (before any amend). */
    EngineEvent originalEvent() {
        EngineEvent e = stateEvent();
        e.price = extra(ORIGINAL_PRICE, price);
        e.qty = extra(ORIGINAL_QTY, qty);
        return e;
    }

    /** The order's fills, oldest first, each as the ORDER_FILLED event that reported it (order fields as now). */
    List<EngineEvent> fillEvents() {
        int fillCount = fillCount();
        List<EngineEvent> events = new ArrayList<>(fillCount);
        for (int i = 0; i < fillCount; i++) {
            EngineEvent e = stateEvent();
            PackedFill.read(extras, FILLS + i * FILL_WORDS, e);
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
        out.add(extra(FILLED_QTY, 0));
        out.add(extra(FILLED_NOTIONAL, 0));
        out.add(expireTimeNanos);
        out.add(createdTimeNanos);
        out.add(updatedTimeNanos);
        out.add(extra(ORIGINAL_PRICE, price));
        out.add(extra(ORIGINAL_QTY, qty));
        out.add(arrival);
        out.add(clOrdId0);
        out.add(clOrdId1);
        out.add(clOrdId2);
        out.add(clOrdId3);
        out.add(clOrdId4);
        out.add((long) accountId << 32 | (symbolId & 0xFFFF_FFFFL));
        long bytes = clOrdIdLength();
        for (int lane = TYPE; lane < CANCEL; lane++) {
            bytes = bytes << 8 | fileByte(lane);
        }
        out.add(bytes);
        int fillCount = fillCount();
        out.add((long) (fileByte(CANCEL) | ((flags & POST_ONLY) != 0 ? 1 << 8 : 0)) << 32 | fillCount);
        for (int i = 0; i < fillCount * FILL_WORDS; i++) {
            out.add(extras[FILLS + i]);
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
        long filledQty = in.getLong();
        long filledNotional = in.getLong();
        order.expireTimeNanos = in.getLong();
        order.createdTimeNanos = in.getLong();
        order.updatedTimeNanos = in.getLong();
        long originalPrice = in.getLong();
        long originalQty = in.getLong();
        order.arrival = in.getLong();
        order.clOrdId0 = in.getLong();
        order.clOrdId1 = in.getLong();
        order.clOrdId2 = in.getLong();
        order.clOrdId3 = in.getLong();
        order.clOrdId4 = in.getLong();
        order.accountId = in.getInt();
        order.symbolId = in.getInt();
        long bytes = in.getLong();
        int last = in.getInt();
        long flags = (bytes >>> 56 & 0xFF) << LENGTH_SHIFT | ((last & (1 << 8)) != 0 ? POST_ONLY : 0) | fromFileByte(CANCEL, last);
        for (int lane = CANCEL - 1; lane >= TYPE; lane--) {
            flags |= fromFileByte(lane, (int) (bytes >>> 8 * (CANCEL - 1 - lane)));
        }
        order.flags = flags;
        int fillCount = in.getInt();
        if (originalPrice != order.price || originalQty != order.qty || (filledQty | filledNotional) != 0 || fillCount > 0) {
            long[] extras = new long[FILLS + fillCount * FILL_WORDS];
            extras[ORIGINAL_PRICE] = originalPrice;
            extras[ORIGINAL_QTY] = originalQty;
            extras[FILLED_QTY] = filledQty;
            extras[FILLED_NOTIONAL] = filledNotional;
            extras[FILL_COUNT] = fillCount;
            for (int i = FILLS; i < extras.length; i++) {
                extras[i] = in.getLong();
            }
            order.extras = extras;
            order.flags |= EXTENDED;
        }
        return order;
    }

    private int fillCount() {
        return (int) extra(FILL_COUNT, 0);
    }

    private long extra(int word, long otherwise) {
        return extended() ? extras[word] : otherwise;
    }

    private boolean extended() {
        return (flags & EXTENDED) != 0;
    }

    /**
     * The extra words, taken on first need with the price and quantity as they are now (so
     * as first placed): an array of the record's earlier order, cleared, else a new one.
     */
    private long[] extras() {
        if (!extended()) {
            if (extras == null) {
                extras = new long[FILLS];
            } else {
                Arrays.fill(extras, 0, FILLS, 0L);
            }
            extras[ORIGINAL_PRICE] = price;
            extras[ORIGINAL_QTY] = qty;
            flags |= EXTENDED;
        }
        return extras;
    }

    private void addFill(EngineEvent event) {
        long[] more = extras();
        int fillCount = (int) more[FILL_COUNT];
        int end = FILLS + (fillCount + 1) * FILL_WORDS;
        if (end > more.length) {
            more = Arrays.copyOf(more, FILLS + Math.max(1, fillCount * 2) * FILL_WORDS);
            extras = more;
        }
        PackedFill.write(event, more, FILLS + fillCount * FILL_WORDS);
        more[FILL_COUNT] = fillCount + 1;
    }

    private <E> E value(E[] values, int lane) {
        int code = (int) (flags >>> lane * LANE_BITS) & 0x7F;
        return code == 0 ? null : values[code - 1];
    }

    /** A lane's value as the snapshot file keeps it: the ordinal, 0xFF for none. */
    private int fileByte(int lane) {
        return (((int) (flags >>> lane * LANE_BITS) & 0x7F) - 1) & 0xFF;
    }

    private static long fromFileByte(int lane, int fileByte) {
        int b = fileByte & 0xFF;
        return b == 0xFF ? 0 : (long) (b + 1) << lane * LANE_BITS;
    }

    private static long lane(int lane, Enum<?> value) {
        return value == null ? 0 : (long) (value.ordinal() + 1) << lane * LANE_BITS;
    }
}

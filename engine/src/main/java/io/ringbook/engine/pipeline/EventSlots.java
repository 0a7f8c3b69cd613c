package io.ringbook.engine.pipeline;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.StpMode;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The outbound ring's events in one block of memory aligned to cache lines, so that the
 * business logic hands each event to the other core in as few lines as it needs and
 * stores no reference into an old object (an event object in the ring took four to six
 * lines, and on G1 every enum stored into it took the write barrier's slow path: the
 * amend-heavy burst ran at half the speed). Every field of an {@link EngineEvent} has one
 * fixed place in a slot of five lines, enums as byte codes (ordinal + 1, 0 for none). The
 * logic fills an event of its own, in its own cache, and {@link #write}s it here; a slot's
 * later lines are written only when they hold something other than a cleared event's
 * values (the header says which), so a book-level event costs two lines, an order event
 * three, four with a fill or a request's clOrdId. Each outbound thread {@link #read}s a
 * slot once into an event of its own ({@link DecodedEvents}). The ring's Disruptor carries
 * only the sequences: each of its entries is this one object, and a sequence's slot is
 * found by {@link #slot}. The account limits of a LIMITS_CHANGED event, the one reference
 * an event carries, sit in an array beside the block (left there until the slot's next
 * LIMITS_CHANGED: immutable, and at most one per slot).
 *
 * <pre>
 * line 0  0 type, 1 lines present, 2 side, 3 flags (lastOfCommand, postOnly, active) (u8 each);
 *         4 accountId, 8 symbolId, 12 count (i32 each); 16 sequence, 24 eventTime, 32 ingress,
 *         40 journaled, 48 correlationId, 56 decided (i64 each)                     always written
 * line 1  64 price, 72 qty, 80 bookSequence, 88 execId, 96 orderId, 104 filledQty,
 *         112 filledNotional, 120 createdTime (i64 each)
 * line 2  128 orderType, timeInForce, stpMode, status, rejectReason, cancelReason, liquidity,
 *         breakerKind, 136 breakerState (u8 each); 137 clOrdId length u8; 140 healthScore i32;
 *         144 expireTime i64; 152 clOrdId, its used words
 * line 3  192 tradeId, 200 lastPrice, 208 lastQty, 216 fee (i64 each); 224 requestClOrdId
 *         length u8; 232 requestClOrdId, its used words (the fifth in line 4)
 * limits  an array beside the block, one reference per slot
 * </pre>
 */
final class EventSlots {

    static final int SLOT_BYTES = 320;

    private static final int TYPE = 0;
    private static final int LINES = 1;
    private static final int SIDE = 2;
    private static final int FLAGS = 3;
    private static final int ACCOUNT = 4;
    private static final int SYMBOL = 8;
    private static final int COUNT = 12;
    private static final int SEQUENCE = 16;
    private static final int EVENT_TIME = 24;
    private static final int INGRESS = 32;
    private static final int JOURNALED = 40;
    private static final int CORRELATION = 48;
    private static final int DECIDED = 56;

    private static final int PRICE = 64;
    private static final int QTY = 72;
    private static final int BOOK_SEQUENCE = 80;
    private static final int EXEC_ID = 88;
    private static final int ORDER_ID = 96;
    private static final int FILLED_QTY = 104;
    private static final int FILLED_NOTIONAL = 112;
    private static final int CREATED = 120;

    private static final int CODES = 128;
    private static final int BREAKER_STATE = 136;
    private static final int CL_ORD_ID_LENGTH = 137;
    private static final int HEALTH = 140;
    private static final int EXPIRE = 144;
    private static final int CL_ORD_ID = 152;

    private static final int TRADE_ID = 192;
    private static final int LAST_PRICE = 200;
    private static final int LAST_QTY = 208;
    private static final int FEE = 216;
    private static final int REQUEST_LENGTH = 224;
    private static final int REQUEST_CL_ORD_ID = 232;

    private static final int LINE_1 = 1;
    private static final int LINE_2 = 2;
    private static final int LINE_3 = 4;
    private static final int HAS_LIMITS = 8;

    private static final int LAST_OF_COMMAND = 1;
    private static final int POST_ONLY = 2;
    private static final int ACTIVE = 4;

    private static final EventType[] TYPES = EventType.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final StpMode[] STP_MODES = StpMode.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final RejectReason[] REJECT_REASONS = RejectReason.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();
    private static final BreakerKind[] BREAKER_KINDS = BreakerKind.values();
    private static final BreakerState[] BREAKER_STATES = BreakerState.values();

    /** The byte codes of a cleared event: line 2 holds something only if its codes differ from these, or more. */
    private static final long CLEARED_CODES = codes(new EngineEvent().clear());

    private final UnsafeBuffer buffer;
    private final AccountLimits[] limits;
    private final int mask;

    EventSlots(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(slots * SLOT_BYTES, 64));
        this.limits = new AccountLimits[slots];
        this.mask = slots - 1;
    }

    /** Where the event of ring sequence {@code sequence} is. */
    int slot(long sequence) {
        return (int) (sequence & mask);
    }

    /** Writes {@code e} into the slot: the header, and each later line only if it holds something. */
    void write(int slot, EngineEvent e) {
        int at = slot * SLOT_BYTES;
        long codes = codes(e);
        int clOrdIdLength = e.clOrdId.length();
        int requestLength = e.requestClOrdId.length();
        int lines = 0;
        if ((e.price | e.qty | e.bookSequence | e.execId | e.orderId | e.filledQty | e.filledNotional | e.createdTimeNanos) != 0) {
            lines |= LINE_1;
            buffer.putLong(at + PRICE, e.price);
            buffer.putLong(at + QTY, e.qty);
            buffer.putLong(at + BOOK_SEQUENCE, e.bookSequence);
            buffer.putLong(at + EXEC_ID, e.execId);
            buffer.putLong(at + ORDER_ID, e.orderId);
            buffer.putLong(at + FILLED_QTY, e.filledQty);
            buffer.putLong(at + FILLED_NOTIONAL, e.filledNotional);
            buffer.putLong(at + CREATED, e.createdTimeNanos);
        }
        int breakerState = code(e.breakerState);
        if (codes != CLEARED_CODES || (breakerState | clOrdIdLength | e.healthScore) != 0 || e.expireTimeNanos != 0) {
            lines |= LINE_2;
            buffer.putLong(at + CODES, codes);
            buffer.putByte(at + BREAKER_STATE, (byte) breakerState);
            buffer.putByte(at + CL_ORD_ID_LENGTH, (byte) clOrdIdLength);
            buffer.putInt(at + HEALTH, e.healthScore);
            buffer.putLong(at + EXPIRE, e.expireTimeNanos);
            putWords(at + CL_ORD_ID, e.clOrdId);
        }
        if ((e.tradeId | e.lastPrice | e.lastQty | e.fee | requestLength) != 0) {
            lines |= LINE_3;
            buffer.putLong(at + TRADE_ID, e.tradeId);
            buffer.putLong(at + LAST_PRICE, e.lastPrice);
            buffer.putLong(at + LAST_QTY, e.lastQty);
            buffer.putLong(at + FEE, e.fee);
            buffer.putByte(at + REQUEST_LENGTH, (byte) requestLength);
            putWords(at + REQUEST_CL_ORD_ID, e.requestClOrdId);
        }
        if (e.limits != null) {
            lines |= HAS_LIMITS;
            limits[slot] = e.limits;
        }
        buffer.putByte(at + TYPE, (byte) code(e.type));
        buffer.putByte(at + LINES, (byte) lines);
        buffer.putByte(at + SIDE, (byte) code(e.side));
        buffer.putByte(at + FLAGS, (byte) ((e.lastOfCommand ? LAST_OF_COMMAND : 0) | (e.postOnly ? POST_ONLY : 0)
                | (e.active ? ACTIVE : 0)));
        buffer.putInt(at + ACCOUNT, e.accountId);
        buffer.putInt(at + SYMBOL, e.symbolId);
        buffer.putInt(at + COUNT, e.count);
        buffer.putLong(at + SEQUENCE, e.sequence);
        buffer.putLong(at + EVENT_TIME, e.eventTimeNanos);
        buffer.putLong(at + INGRESS, e.ingressNanos);
        buffer.putLong(at + JOURNALED, e.journaledNanos);
        buffer.putLong(at + CORRELATION, e.correlationId);
        buffer.putLong(at + DECIDED, e.decidedNanos);
    }

    boolean isLastOfCommand(int slot) {
        return (buffer.getByte(slot * SLOT_BYTES + FLAGS) & LAST_OF_COMMAND) != 0;
    }

    /** Flags the slot's event as its command's last, decided at {@code decidedNanos}. */
    void markLastOfCommand(int slot, long decidedNanos) {
        int at = slot * SLOT_BYTES;
        buffer.putByte(at + FLAGS, (byte) (buffer.getByte(at + FLAGS) | LAST_OF_COMMAND));
        buffer.putLong(at + DECIDED, decidedNanos);
    }

    /**
     * Reads the slot into {@code e}, every field of it: those of the lines the slot's
     * writer left out as a cleared event has them ({@link EngineEvent#clear()}).
     */
    void read(int slot, EngineEvent e) {
        int at = slot * SLOT_BYTES;
        int lines = buffer.getByte(at + LINES);
        e.type = decode(TYPES, buffer.getByte(at + TYPE));
        e.side = decode(SIDES, buffer.getByte(at + SIDE));
        int flags = buffer.getByte(at + FLAGS);
        e.lastOfCommand = (flags & LAST_OF_COMMAND) != 0;
        e.postOnly = (flags & POST_ONLY) != 0;
        e.active = (flags & ACTIVE) != 0;
        e.accountId = buffer.getInt(at + ACCOUNT);
        e.symbolId = buffer.getInt(at + SYMBOL);
        e.count = buffer.getInt(at + COUNT);
        e.sequence = buffer.getLong(at + SEQUENCE);
        e.eventTimeNanos = buffer.getLong(at + EVENT_TIME);
        e.ingressNanos = buffer.getLong(at + INGRESS);
        e.journaledNanos = buffer.getLong(at + JOURNALED);
        e.correlationId = buffer.getLong(at + CORRELATION);
        e.decidedNanos = buffer.getLong(at + DECIDED);
        boolean line1 = (lines & LINE_1) != 0;
        e.price = line1 ? buffer.getLong(at + PRICE) : 0;
        e.qty = line1 ? buffer.getLong(at + QTY) : 0;
        e.bookSequence = line1 ? buffer.getLong(at + BOOK_SEQUENCE) : 0;
        e.execId = line1 ? buffer.getLong(at + EXEC_ID) : 0;
        e.orderId = line1 ? buffer.getLong(at + ORDER_ID) : 0;
        e.filledQty = line1 ? buffer.getLong(at + FILLED_QTY) : 0;
        e.filledNotional = line1 ? buffer.getLong(at + FILLED_NOTIONAL) : 0;
        e.createdTimeNanos = line1 ? buffer.getLong(at + CREATED) : 0;
        boolean line2 = (lines & LINE_2) != 0;
        readCodes(line2 ? buffer.getLong(at + CODES) : CLEARED_CODES, e);
        e.breakerState = line2 ? decode(BREAKER_STATES, buffer.getByte(at + BREAKER_STATE)) : null;
        e.healthScore = line2 ? buffer.getInt(at + HEALTH) : 0;
        e.expireTimeNanos = line2 ? buffer.getLong(at + EXPIRE) : 0;
        getWords(at + CL_ORD_ID, line2 ? buffer.getByte(at + CL_ORD_ID_LENGTH) : 0, e.clOrdId);
        boolean line3 = (lines & LINE_3) != 0;
        e.tradeId = line3 ? buffer.getLong(at + TRADE_ID) : 0;
        e.lastPrice = line3 ? buffer.getLong(at + LAST_PRICE) : 0;
        e.lastQty = line3 ? buffer.getLong(at + LAST_QTY) : 0;
        e.fee = line3 ? buffer.getLong(at + FEE) : 0;
        getWords(at + REQUEST_CL_ORD_ID, line3 ? buffer.getByte(at + REQUEST_LENGTH) : 0, e.requestClOrdId);
        e.limits = (lines & HAS_LIMITS) != 0 ? limits[slot] : null;
    }

    /** The eight enums of line 2 as one word, a byte each. */
    private static long codes(EngineEvent e) {
        return code(e.orderType) | (long) code(e.timeInForce) << 8 | (long) code(e.stpMode) << 16
                | (long) code(e.status) << 24 | (long) code(e.rejectReason) << 32 | (long) code(e.cancelReason) << 40
                | (long) code(e.liquidity) << 48 | (long) code(e.breakerKind) << 56;
    }

    private static void readCodes(long codes, EngineEvent e) {
        e.orderType = decode(ORDER_TYPES, (byte) codes);
        e.timeInForce = decode(TIMES_IN_FORCE, (byte) (codes >>> 8));
        e.stpMode = decode(STP_MODES, (byte) (codes >>> 16));
        e.status = decode(STATUSES, (byte) (codes >>> 24));
        e.rejectReason = decode(REJECT_REASONS, (byte) (codes >>> 32));
        e.cancelReason = decode(CANCEL_REASONS, (byte) (codes >>> 40));
        e.liquidity = decode(LIQUIDITIES, (byte) (codes >>> 48));
        e.breakerKind = decode(BREAKER_KINDS, (byte) (codes >>> 56));
    }

    private static int code(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    private static <E> E decode(E[] values, byte code) {
        int index = (code & 0xFF) - 1;
        return index < 0 ? null : values[index];
    }

    /** The id's words that hold characters: the lines of a short id's unused words stay untouched. */
    private void putWords(int at, ClOrdId id) {
        int words = (id.length() + 7) >>> 3;
        for (int i = 0; i < words; i++) {
            buffer.putLong(at + 8 * i, id.word(i));
        }
    }

    private void getWords(int at, byte length, ClOrdId id) {
        int n = length & 0xFF;
        if (n == 0) {
            id.clear();
            return;
        }
        int words = (n + 7) >>> 3;
        id.setWords(buffer.getLong(at), words > 1 ? buffer.getLong(at + 8) : 0, words > 2 ? buffer.getLong(at + 16) : 0,
                words > 3 ? buffer.getLong(at + 24) : 0, words > 4 ? buffer.getLong(at + 32) : 0, n);
    }
}

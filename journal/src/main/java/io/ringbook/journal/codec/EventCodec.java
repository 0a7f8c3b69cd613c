package io.ringbook.journal.codec;

import io.ringbook.engine.event.EngineEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Events as journal records: the {@link RecordHeader}, a common block, then one of three
 * layouts. Every field of {@link EngineEvent} is kept, so decoding gives back the event
 * exactly and a replay can be compared byte for byte.
 * <pre>
 * every event    20 correlationId i64, 28 ingressNanos i64, 36 lastOfCommand u8, 40 accountId i32, 44 symbolId i32
 * order events   48 execId, 56 orderId (i64); 64 side, 65 orderType, 66 timeInForce, 67 stpMode, 68 postOnly,
 *                69 status, 70 rejectReason, 71 cancelReason (u8 each); 72 price, 80 qty, 88 filledQty,
 *                96 filledNotional, 104 expireTime, 112 createdTime, 120 tradeId, 128 lastPrice,
 *                136 lastQty, 144 fee (i64 each); 152 liquidity u8; 153 clOrdId (1 + length), then
 *                requestClOrdId (1 + length)                                                 = 155-227 bytes
 * MASS_CANCEL_DONE      48 count i32                                                          =  52
 * CANCEL_ALL_AFTER_SET  48 deadline i64                                                       =  56
 * BOOK_LEVEL     48 side u8, 56 price, 64 qty, 72 bookSequence (i64 each)                     =  80
 * SNAPSHOT_TAKEN, CONTROL_REJECTED  nothing more                                              =  48
 * BREAKER_CHANGED 48 kind, 49 state, 50 healthScore (u8 each), 52 trips i32, 56 openedAt i64,
 *                64 nextRetryAt i64                                                          =  72
 * SYMBOL_STATUS, KILL_SWITCH_CHANGED  48 active u8, 52 count i32                              =  56
 * LIMITS_CHANGED 48 limits (see LimitsCodec)                                                  = 52 + 80 + 16 per symbol
 * </pre>
 */
public final class EventCodec {

    public static final int SCHEMA_VERSION = 2;
    public static final int MAX_LENGTH = 48 + 105 + 2 * Fields.CL_ORD_ID_MAX_LENGTH;

    private static final int CORRELATION = 20;
    private static final int INGRESS = 28;
    private static final int LAST = 36;
    private static final int ACCOUNT = 40;
    private static final int SYMBOL = 44;
    private static final int BODY = 48;

    private EventCodec() {
    }

    public static int encode(EngineEvent event, MutableDirectBuffer buffer, int offset) {
        buffer.putLong(offset + CORRELATION, event.correlationId, ORDER);
        buffer.putLong(offset + INGRESS, event.ingressNanos, ORDER);
        buffer.putInt(offset + LAST, event.lastOfCommand ? 1 : 0, ORDER);
        buffer.putInt(offset + ACCOUNT, event.accountId, ORDER);
        buffer.putInt(offset + SYMBOL, event.symbolId, ORDER);
        int at = offset + BODY;
        int length = switch (event.type) {
            case MASS_CANCEL_DONE -> {
                buffer.putInt(at, event.count, ORDER);
                yield BODY + 4;
            }
            case CANCEL_ALL_AFTER_SET -> {
                buffer.putLong(at, event.expireTimeNanos, ORDER);
                yield BODY + 8;
            }
            case SNAPSHOT_TAKEN, CONTROL_REJECTED -> BODY;
            case BREAKER_CHANGED -> {
                buffer.putInt(at, 0, ORDER);
                Fields.putEnum(buffer, at, event.breakerKind);
                Fields.putEnum(buffer, at + 1, event.breakerState);
                buffer.putByte(at + 2, (byte) event.healthScore);
                buffer.putInt(at + 4, event.count, ORDER);
                buffer.putLong(at + 8, event.createdTimeNanos, ORDER);
                buffer.putLong(at + 16, event.expireTimeNanos, ORDER);
                yield BODY + 24;
            }
            case SYMBOL_STATUS, KILL_SWITCH_CHANGED -> {
                buffer.putInt(at, event.active ? 1 : 0, ORDER);
                buffer.putInt(at + 4, event.count, ORDER);
                yield BODY + 8;
            }
            case LIMITS_CHANGED -> BODY + LimitsCodec.encode(event.limits, buffer, at);
            case BOOK_LEVEL -> {
                buffer.putLong(at, 0, ORDER);
                Fields.putEnum(buffer, at, event.side);
                buffer.putLong(at + 8, event.price, ORDER);
                buffer.putLong(at + 16, event.qty, ORDER);
                buffer.putLong(at + 24, event.bookSequence, ORDER);
                yield BODY + 32;
            }
            default -> encodeOrder(event, buffer, at);
        };
        RecordHeader.write(buffer, offset, length, RecordType.of(event.type), SCHEMA_VERSION, event.sequence, event.eventTimeNanos);
        return length;
    }

    /** The account id of the event record at {@code offset} (-1 for market data), without decoding the rest. */
    public static int accountId(DirectBuffer buffer, int offset) {
        return buffer.getInt(offset + ACCOUNT, ORDER);
    }

    public static int decode(DirectBuffer buffer, int offset, EngineEvent event) {
        RecordType type = RecordHeader.check(buffer, offset, SCHEMA_VERSION);
        if (!type.isEvent()) {
            throw new JournalFormatException("expected an event record, found " + type);
        }
        event.clear();
        event.type = type.event();
        event.sequence = RecordHeader.sequence(buffer, offset);
        event.eventTimeNanos = RecordHeader.eventTime(buffer, offset);
        event.correlationId = buffer.getLong(offset + CORRELATION, ORDER);
        event.ingressNanos = buffer.getLong(offset + INGRESS, ORDER);
        event.lastOfCommand = buffer.getInt(offset + LAST, ORDER) != 0;
        event.accountId = buffer.getInt(offset + ACCOUNT, ORDER);
        event.symbolId = buffer.getInt(offset + SYMBOL, ORDER);
        int at = offset + BODY;
        switch (event.type) {
            case MASS_CANCEL_DONE -> event.count = buffer.getInt(at, ORDER);
            case CANCEL_ALL_AFTER_SET -> event.expireTimeNanos = buffer.getLong(at, ORDER);
            case SNAPSHOT_TAKEN, CONTROL_REJECTED -> {
            }
            case BREAKER_CHANGED -> {
                event.breakerKind = Fields.getEnum(buffer, at, Fields.BREAKER_KINDS);
                event.breakerState = Fields.getEnum(buffer, at + 1, Fields.BREAKER_STATES);
                event.healthScore = buffer.getByte(at + 2) & 0xFF;
                event.count = buffer.getInt(at + 4, ORDER);
                event.createdTimeNanos = buffer.getLong(at + 8, ORDER);
                event.expireTimeNanos = buffer.getLong(at + 16, ORDER);
            }
            case SYMBOL_STATUS, KILL_SWITCH_CHANGED -> {
                event.active = buffer.getInt(at, ORDER) != 0;
                event.count = buffer.getInt(at + 4, ORDER);
            }
            case LIMITS_CHANGED -> event.limits = LimitsCodec.decode(buffer, at);
            case BOOK_LEVEL -> {
                event.side = Fields.getEnum(buffer, at, Fields.SIDES);
                event.price = buffer.getLong(at + 8, ORDER);
                event.qty = buffer.getLong(at + 16, ORDER);
                event.bookSequence = buffer.getLong(at + 24, ORDER);
            }
            default -> decodeOrder(buffer, at, event);
        }
        return RecordHeader.length(buffer, offset);
    }

    private static int encodeOrder(EngineEvent e, MutableDirectBuffer buffer, int at) {
        buffer.putLong(at, e.execId, ORDER);
        buffer.putLong(at + 8, e.orderId, ORDER);
        Fields.putEnum(buffer, at + 16, e.side);
        Fields.putEnum(buffer, at + 17, e.orderType);
        Fields.putEnum(buffer, at + 18, e.timeInForce);
        Fields.putEnum(buffer, at + 19, e.stpMode);
        buffer.putByte(at + 20, (byte) (e.postOnly ? 1 : 0));
        Fields.putEnum(buffer, at + 21, e.status);
        Fields.putEnum(buffer, at + 22, e.rejectReason);
        Fields.putEnum(buffer, at + 23, e.cancelReason);
        buffer.putLong(at + 24, e.price, ORDER);
        buffer.putLong(at + 32, e.qty, ORDER);
        buffer.putLong(at + 40, e.filledQty, ORDER);
        buffer.putLong(at + 48, e.filledNotional, ORDER);
        buffer.putLong(at + 56, e.expireTimeNanos, ORDER);
        buffer.putLong(at + 64, e.createdTimeNanos, ORDER);
        buffer.putLong(at + 72, e.tradeId, ORDER);
        buffer.putLong(at + 80, e.lastPrice, ORDER);
        buffer.putLong(at + 88, e.lastQty, ORDER);
        buffer.putLong(at + 96, e.fee, ORDER);
        Fields.putEnum(buffer, at + 104, e.liquidity);
        int id = Fields.putClOrdId(buffer, at + 105, e.clOrdId);
        return BODY + 105 + id + Fields.putClOrdId(buffer, at + 105 + id, e.requestClOrdId);
    }

    private static void decodeOrder(DirectBuffer buffer, int at, EngineEvent e) {
        e.execId = buffer.getLong(at, ORDER);
        e.orderId = buffer.getLong(at + 8, ORDER);
        e.side = Fields.getEnum(buffer, at + 16, Fields.SIDES);
        e.orderType = Fields.getEnum(buffer, at + 17, Fields.ORDER_TYPES);
        e.timeInForce = Fields.getEnum(buffer, at + 18, Fields.TIMES_IN_FORCE);
        e.stpMode = Fields.getEnum(buffer, at + 19, Fields.STP_MODES);
        e.postOnly = buffer.getByte(at + 20) != 0;
        e.status = Fields.getEnum(buffer, at + 21, Fields.ORDER_STATUSES);
        e.rejectReason = Fields.getEnum(buffer, at + 22, Fields.REJECT_REASONS);
        e.cancelReason = Fields.getEnum(buffer, at + 23, Fields.CANCEL_REASONS);
        e.price = buffer.getLong(at + 24, ORDER);
        e.qty = buffer.getLong(at + 32, ORDER);
        e.filledQty = buffer.getLong(at + 40, ORDER);
        e.filledNotional = buffer.getLong(at + 48, ORDER);
        e.expireTimeNanos = buffer.getLong(at + 56, ORDER);
        e.createdTimeNanos = buffer.getLong(at + 64, ORDER);
        e.tradeId = buffer.getLong(at + 72, ORDER);
        e.lastPrice = buffer.getLong(at + 80, ORDER);
        e.lastQty = buffer.getLong(at + 88, ORDER);
        e.fee = buffer.getLong(at + 96, ORDER);
        e.liquidity = Fields.getEnum(buffer, at + 104, Fields.LIQUIDITIES);
        Fields.getClOrdId(buffer, at + 105, e.clOrdId);
        Fields.getClOrdId(buffer, at + 105 + 1 + e.clOrdId.length(), e.requestClOrdId);
    }
}

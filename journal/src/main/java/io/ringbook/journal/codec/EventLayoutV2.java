package io.ringbook.journal.codec;

import io.ringbook.engine.event.EngineEvent;
import org.agrona.DirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Reads event records of schema version 2 (before issue 17's compact layout), so that
 * output journals written by earlier builds stay readable; nothing writes this layout
 * any more. Fixed offsets after the {@link RecordHeader}:
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
final class EventLayoutV2 {

    static final int VERSION = 2;
    private static final int CORRELATION = 20;
    private static final int INGRESS = 28;
    private static final int LAST = 36;
    private static final int ACCOUNT = 40;
    private static final int SYMBOL = 44;
    private static final int BODY = 48;

    private EventLayoutV2() {
    }

    static int accountId(DirectBuffer buffer, int offset) {
        return buffer.getInt(offset + ACCOUNT, ORDER);
    }

    /** Decodes the fields after the header into a cleared {@code event} whose type is set. */
    static void decode(DirectBuffer buffer, int offset, EngineEvent event) {
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

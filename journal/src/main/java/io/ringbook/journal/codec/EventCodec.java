package io.ringbook.journal.codec;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Events as journal records, compact (schema version 4): the {@link RecordHeader}, a
 * presence bitmap of {@link EventField#BITMAP_BYTES} bytes (bit i for the i-th
 * {@link EventField}, least significant bit of the first byte first), then each present
 * field in table order:
 * <pre>
 * NUMBER  zigzag varint (7 bits a byte, low group first)
 * TIME    zigzag varint of (value - the record's event time)
 * CODE    varint of the enum's ordinal + 1
 * FLAG    nothing: the bit is the value (true)
 * ID      length byte, then that many ASCII bytes
 * LIMITS  {@link LimitsCodec}, always last
 * </pre>
 * A field is present when it differs from its value in a cleared event, so what an event
 * type does not use costs nothing and what is zero costs nothing: an order acknowledgement
 * is about 60 bytes with its header (schema 2 wrote 155-227), a book level about 35 (80).
 * Decoding gives back every field exactly, so a replay can be compared byte for byte.
 * Version 3 is the same encoding from engines that still reported {@code BOOK_LEVEL}
 * events (4 has none: the depth book is derived from the order events outside the logic);
 * version 2 records ({@link EventLayoutV2}) are still read.
 */
public final class EventCodec {

    public static final int SCHEMA_VERSION = 4;
    private static final EventField[] FIELDS = EventField.ALL;
    private static final int BITMAP = RecordHeader.LENGTH;
    private static final int BODY = BITMAP + EventField.BITMAP_BYTES;
    /** The longest record but a LIMITS_CHANGED (whose per-symbol entries can make it longer). */
    public static final int MAX_LENGTH = maxLength();
    /** One per reading thread, for the readers of one field ({@link #accountId}: a query filters every record by account). */
    private static final ThreadLocal<EngineEvent> ONE_FIELD = ThreadLocal.withInitial(EngineEvent::new);

    private EventCodec() {
    }

    /**
     * Writes {@code event} at {@code offset}; returns the record's length. The fields are
     * written one by one in {@link EventField} order (this runs for every event on the
     * output journal's thread, where a loop over the table cost about three times as much);
     * {@code EventCodecFieldOrderTest} checks each field's bit, kind and order against the table.
     */
    public static int encode(EngineEvent e, MutableDirectBuffer buffer, int offset) {
        long time = e.eventTimeNanos;
        long present = 0;
        int at = offset + BODY;
        if (e.correlationId != 0) {
            present |= EventField.CORRELATION_ID.bit;
            at += Varints.putSigned(buffer, at, e.correlationId);
        }
        if (e.ingressNanos != 0) {
            present |= EventField.INGRESS.bit;
            at += Varints.putSigned(buffer, at, e.ingressNanos - time);
        }
        if (e.lastOfCommand) {
            present |= EventField.LAST_OF_COMMAND.bit;
        }
        if (e.accountId != -1) {
            present |= EventField.ACCOUNT_ID.bit;
            at += Varints.putSigned(buffer, at, e.accountId);
        }
        if (e.symbolId != -1) {
            present |= EventField.SYMBOL_ID.bit;
            at += Varints.putSigned(buffer, at, e.symbolId);
        }
        if (e.execId != 0) {
            present |= EventField.EXEC_ID.bit;
            at += Varints.putSigned(buffer, at, e.execId);
        }
        if (e.orderId != 0) {
            present |= EventField.ORDER_ID.bit;
            at += Varints.putSigned(buffer, at, e.orderId);
        }
        if (e.side != null) {
            present |= EventField.SIDE.bit;
            at += Varints.put(buffer, at, Fields.code(e.side));
        }
        if (e.orderType != null) {
            present |= EventField.ORDER_TYPE.bit;
            at += Varints.put(buffer, at, Fields.code(e.orderType));
        }
        if (e.timeInForce != null) {
            present |= EventField.TIME_IN_FORCE.bit;
            at += Varints.put(buffer, at, Fields.code(e.timeInForce));
        }
        if (e.stpMode != null) {
            present |= EventField.STP_MODE.bit;
            at += Varints.put(buffer, at, Fields.code(e.stpMode));
        }
        if (e.postOnly) {
            present |= EventField.POST_ONLY.bit;
        }
        if (e.price != 0) {
            present |= EventField.PRICE.bit;
            at += Varints.putSigned(buffer, at, e.price);
        }
        if (e.qty != 0) {
            present |= EventField.QTY.bit;
            at += Varints.putSigned(buffer, at, e.qty);
        }
        if (e.filledQty != 0) {
            present |= EventField.FILLED_QTY.bit;
            at += Varints.putSigned(buffer, at, e.filledQty);
        }
        if (e.filledNotional != 0) {
            present |= EventField.FILLED_NOTIONAL.bit;
            at += Varints.putSigned(buffer, at, e.filledNotional);
        }
        if (e.expireTimeNanos != 0) {
            present |= EventField.EXPIRE_TIME.bit;
            at += Varints.putSigned(buffer, at, e.expireTimeNanos - time);
        }
        if (e.createdTimeNanos != 0) {
            present |= EventField.CREATED_TIME.bit;
            at += Varints.putSigned(buffer, at, e.createdTimeNanos - time);
        }
        if (e.status != null) {
            present |= EventField.STATUS.bit;
            at += Varints.put(buffer, at, Fields.code(e.status));
        }
        if (e.rejectReason != RejectReason.NONE) {
            present |= EventField.REJECT_REASON.bit;
            at += Varints.put(buffer, at, Fields.code(e.rejectReason));
        }
        if (e.cancelReason != CancelReason.NONE) {
            present |= EventField.CANCEL_REASON.bit;
            at += Varints.put(buffer, at, Fields.code(e.cancelReason));
        }
        if (e.tradeId != 0) {
            present |= EventField.TRADE_ID.bit;
            at += Varints.putSigned(buffer, at, e.tradeId);
        }
        if (e.lastPrice != 0) {
            present |= EventField.LAST_PRICE.bit;
            at += Varints.putSigned(buffer, at, e.lastPrice);
        }
        if (e.lastQty != 0) {
            present |= EventField.LAST_QTY.bit;
            at += Varints.putSigned(buffer, at, e.lastQty);
        }
        if (e.fee != 0) {
            present |= EventField.FEE.bit;
            at += Varints.putSigned(buffer, at, e.fee);
        }
        if (e.liquidity != null) {
            present |= EventField.LIQUIDITY.bit;
            at += Varints.put(buffer, at, Fields.code(e.liquidity));
        }
        if (e.bookSequence != 0) {
            present |= EventField.BOOK_SEQUENCE.bit;
            at += Varints.putSigned(buffer, at, e.bookSequence);
        }
        if (e.count != 0) {
            present |= EventField.COUNT.bit;
            at += Varints.putSigned(buffer, at, e.count);
        }
        if (e.breakerKind != null) {
            present |= EventField.BREAKER_KIND.bit;
            at += Varints.put(buffer, at, Fields.code(e.breakerKind));
        }
        if (e.breakerState != null) {
            present |= EventField.BREAKER_STATE.bit;
            at += Varints.put(buffer, at, Fields.code(e.breakerState));
        }
        if (e.healthScore != 0) {
            present |= EventField.HEALTH_SCORE.bit;
            at += Varints.putSigned(buffer, at, e.healthScore);
        }
        if (e.active) {
            present |= EventField.ACTIVE.bit;
        }
        if (e.clOrdId.length() != 0) {
            present |= EventField.CL_ORD_ID.bit;
            at += Fields.putClOrdId(buffer, at, e.clOrdId);
        }
        if (e.requestClOrdId.length() != 0) {
            present |= EventField.REQUEST_CL_ORD_ID.bit;
            at += Fields.putClOrdId(buffer, at, e.requestClOrdId);
        }
        if (e.limits != null) {
            present |= EventField.LIMITS.bit;
            at += LimitsCodec.encode(e.limits, buffer, at);
        }
        for (int i = 0; i < EventField.BITMAP_BYTES; i++) {
            buffer.putByte(offset + BITMAP + i, (byte) (present >>> (i << 3)));
        }
        int length = at - offset;
        RecordHeader.write(buffer, offset, length, RecordType.of(e.type), SCHEMA_VERSION, e.sequence, e.eventTimeNanos);
        return length;
    }

    /**
     * Sets the last-of-command flag of the event record at {@code offset}, which
     * {@link #encode} wrote without it: the record then equals the one encoded from the
     * event with the flag set (a flag costs no byte but its bit). For a writer that learns
     * an event was its command's last only after writing it.
     */
    public static void markLastOfCommand(MutableDirectBuffer buffer, int offset) {
        int bit = EventField.LAST_OF_COMMAND.ordinal();
        int at = offset + BITMAP + (bit >>> 3);
        buffer.putByte(at, (byte) (buffer.getByte(at) | (1 << (bit & 7))));
    }

    /** The account id of the event record at {@code offset} (-1 for market data), without decoding the rest. */
    public static int accountId(DirectBuffer buffer, int offset) {
        if (RecordHeader.version(buffer, offset) == EventLayoutV2.VERSION) {
            return EventLayoutV2.accountId(buffer, offset);
        }
        return decodedOnThisThread(buffer, offset).accountId;
    }

    /** Whether the event record at {@code offset} is its command's last, read from its bit alone (schema 3). */
    public static boolean lastOfCommand(DirectBuffer buffer, int offset) {
        RecordHeader.check(buffer, offset, SCHEMA_VERSION, RecordType::isEvent, "an event");
        if (RecordHeader.version(buffer, offset) <= EventLayoutV2.VERSION) {
            return decodedOnThisThread(buffer, offset).lastOfCommand;
        }
        return (present(buffer, offset) & EventField.LAST_OF_COMMAND.bit) != 0;
    }

    /**
     * The ingress time of the event record at {@code offset} (0 if it has none), reading
     * only the one field before it (schema 3): for a reader that needs no other field.
     */
    public static long ingressNanos(DirectBuffer buffer, int offset) {
        RecordHeader.check(buffer, offset, SCHEMA_VERSION, RecordType::isEvent, "an event");
        if (RecordHeader.version(buffer, offset) <= EventLayoutV2.VERSION) {
            return decodedOnThisThread(buffer, offset).ingressNanos;
        }
        long present = present(buffer, offset);
        if ((present & EventField.INGRESS.bit) == 0) {
            return 0;
        }
        int at = offset + BODY;
        int end = offset + RecordHeader.length(buffer, offset);
        if ((present & EventField.CORRELATION_ID.bit) != 0) {
            at += Varints.length(Varints.get(buffer, at, end, "event record", EventField.CORRELATION_ID));
        }
        return Varints.getSigned(buffer, at, end, "event record", EventField.INGRESS) + RecordHeader.eventTime(buffer, offset);
    }

    private static EngineEvent decodedOnThisThread(DirectBuffer buffer, int offset) {
        EngineEvent event = ONE_FIELD.get();
        decode(buffer, offset, event);
        return event;
    }

    /** Decodes the record at {@code offset} (schema 2, 3 or 4) into {@code event}; returns the record's length. */
    public static int decode(DirectBuffer buffer, int offset, EngineEvent event) {
        RecordType type = RecordHeader.check(buffer, offset, SCHEMA_VERSION, RecordType::isEvent, "an event");
        event.clear();
        event.type = type.event();
        event.sequence = RecordHeader.sequence(buffer, offset);
        event.eventTimeNanos = RecordHeader.eventTime(buffer, offset);
        int length = RecordHeader.length(buffer, offset);
        if (RecordHeader.version(buffer, offset) <= EventLayoutV2.VERSION) {
            EventLayoutV2.decode(buffer, offset, event);
            return length;
        }
        decodeFields(buffer, offset, offset + length, event);
        return length;
    }

    private static void decodeFields(DirectBuffer buffer, int offset, int end, EngineEvent event) {
        if (end < offset + BODY) {
            throw new JournalFormatException("event record of " + (end - offset) + " bytes is cut short");
        }
        long present = present(buffer, offset);
        if ((present >>> FIELDS.length) != 0) {
            throw new JournalFormatException("event record names field " + (63 - Long.numberOfLeadingZeros(present))
                    + "; this build knows " + FIELDS.length);
        }
        int at = offset + BODY;
        for (long rest = present; rest != 0; rest &= rest - 1) { // the present fields only, in table order
            EventField field = FIELDS[Long.numberOfTrailingZeros(rest)];
            switch (field.kind) {
                case FLAG -> field.set(event, 1);
                case ID -> {
                    Fields.getClOrdId(buffer, at, field == EventField.CL_ORD_ID ? event.clOrdId : event.requestClOrdId);
                    at += 1 + (buffer.getByte(at) & 0xFF);
                }
                case LIMITS -> event.limits = LimitsCodec.decode(buffer, at);
                default -> {
                    long raw = Varints.get(buffer, at, end, "event record", field);
                    at += Varints.length(raw);
                    field.set(event, switch (field.kind) {
                        case NUMBER -> Varints.unzigzag(raw);
                        case TIME -> Varints.unzigzag(raw) + event.eventTimeNanos;
                        default -> raw;
                    });
                }
            }
            if (at > end) {
                throw new JournalFormatException("event record field " + field + " is cut short");
            }
        }
    }

    /** The bitmap of the fields the record at {@code offset} holds (schema 3). */
    private static long present(DirectBuffer buffer, int offset) {
        long present = 0;
        for (int i = 0; i < EventField.BITMAP_BYTES; i++) {
            present |= (buffer.getByte(offset + BITMAP + i) & 0xFFL) << (i << 3);
        }
        return present;
    }

    private static int maxLength() {
        int length = BODY;
        for (EventField field : EventField.ALL) {
            length += switch (field.kind) {
                case NUMBER, TIME, CODE -> Varints.MAX_LENGTH;
                case FLAG, LIMITS -> 0;
                case ID -> Fields.CL_ORD_ID_MAX_LENGTH;
            };
        }
        return length;
    }
}

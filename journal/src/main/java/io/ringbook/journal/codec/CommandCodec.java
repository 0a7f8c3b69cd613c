package io.ringbook.journal.codec;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ClOrdId;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Commands as journal records, compact (schema version 4): the {@link RecordHeader}, the
 * ingress time, then the fields the command's type uses, numbers as zigzag
 * {@link Varints} (a tick price, a lot quantity, an account, a counter of correlation
 * ids: one to four bytes each instead of eight), enums as one byte (ordinal + 1, 0 for
 * none), clOrdIds as a length byte and their ASCII bytes. Encodes straight into the
 * destination buffer and decodes into a reused {@link Command}; nothing is allocated.
 * <pre>
 * every command  20 ingressNanos i64 (fixed: epoch nanoseconds, and the cluster stamps
 *                   the event time only after encoding), 28 correlationId, accountId
 * NEW_ORDER      symbolId, side, orderType, timeInForce, stpMode (u8 each), flags u8
 *                (1 postOnly, 2 an expire time follows, 4 an origin follows), price, qty, [expireTime i64],
 *                [origin i64: the FIX connection's number, large; none for REST], clOrdId
 * CANCEL_ORDER   orderId, clOrdId, origClOrdId
 * AMEND_ORDER    orderId, price, qty, clOrdId, origClOrdId
 * MASS_CANCEL, HALT_SYMBOL, RESUME_SYMBOL  symbolId
 * CANCEL_ALL_AFTER  timeoutNanos
 * CANCEL_ON_DISCONNECT  origin i64
 * TRIP_BREAKER, RESET_BREAKER  symbolId, breakerKind u8 (target account in accountId)
 * CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH  nothing more (accountId -1: global)
 * SET_LIMITS     limits ({@link LimitsCodec})
 * </pre>
 * An amend of the amend-heavy flow is about 56 bytes, against 82 in the fixed layout of
 * versions 2 and 3 ({@link CommandLayoutV3}), which are still read. A version 4 record
 * whose fields do not end exactly at its length is refused. Order commands are at most
 * {@link #MAX_LENGTH} bytes; only SET_LIMITS, with its per-symbol entries, can be longer
 * (the batch buffer grows for it).
 */
public final class CommandCodec {

    public static final int SCHEMA_VERSION = 4;
    /** The longest order command record: an AMEND_ORDER's five numbers and two 36-character clOrdIds bound them all. */
    public static final int MAX_LENGTH = RecordHeader.LENGTH + 8 + 5 * Varints.MAX_LENGTH + 2 * Fields.CL_ORD_ID_MAX_LENGTH;

    private static final String RECORD = "command record";
    private static final int INGRESS = RecordHeader.LENGTH;
    private static final int NUMBERS = INGRESS + 8;
    private static final int POST_ONLY = 1;
    private static final int EXPIRES = 2;
    private static final int FROM_CONNECTION = 4;

    private CommandCodec() {
    }

    /** Writes {@code command} at {@code offset}; returns the record's length. */
    public static int encode(Command command, MutableDirectBuffer buffer, int offset) {
        buffer.putLong(offset + INGRESS, command.ingressNanos, ORDER);
        int at = offset + NUMBERS;
        at += Varints.putSigned(buffer, at, command.correlationId);
        at += Varints.putSigned(buffer, at, command.accountId);
        switch (command.type) {
            case NEW_ORDER -> {
                at += Varints.putSigned(buffer, at, command.symbolId);
                Fields.putEnum(buffer, at, command.side);
                Fields.putEnum(buffer, at + 1, command.orderType);
                Fields.putEnum(buffer, at + 2, command.timeInForce);
                Fields.putEnum(buffer, at + 3, command.stpMode);
                boolean expires = command.expireTimeNanos != 0;
                boolean fromConnection = command.origin != 0;
                buffer.putByte(at + 4, (byte) ((command.postOnly ? POST_ONLY : 0) | (expires ? EXPIRES : 0)
                        | (fromConnection ? FROM_CONNECTION : 0)));
                at += 5;
                at += Varints.putSigned(buffer, at, command.price);
                at += Varints.putSigned(buffer, at, command.qty);
                if (expires) {
                    buffer.putLong(at, command.expireTimeNanos, ORDER);
                    at += 8;
                }
                if (fromConnection) {
                    buffer.putLong(at, command.origin, ORDER);
                    at += 8;
                }
                at += Fields.putClOrdId(buffer, at, command.clOrdId);
            }
            case CANCEL_ORDER -> {
                at += Varints.putSigned(buffer, at, command.orderId);
                at += Fields.putClOrdId(buffer, at, command.clOrdId);
                at += Fields.putClOrdId(buffer, at, command.origClOrdId);
            }
            case AMEND_ORDER -> {
                at += Varints.putSigned(buffer, at, command.orderId);
                at += Varints.putSigned(buffer, at, command.price);
                at += Varints.putSigned(buffer, at, command.qty);
                at += Fields.putClOrdId(buffer, at, command.clOrdId);
                at += Fields.putClOrdId(buffer, at, command.origClOrdId);
            }
            case MASS_CANCEL, HALT_SYMBOL, RESUME_SYMBOL -> at += Varints.putSigned(buffer, at, command.symbolId);
            case CANCEL_ALL_AFTER -> at += Varints.putSigned(buffer, at, command.timeoutNanos);
            case CANCEL_ON_DISCONNECT -> {
                buffer.putLong(at, command.origin, ORDER);
                at += 8;
            }
            case TRIP_BREAKER, RESET_BREAKER -> {
                at += Varints.putSigned(buffer, at, command.symbolId);
                Fields.putEnum(buffer, at++, command.breakerKind);
            }
            case CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH -> {
            }
            case SET_LIMITS -> at += LimitsCodec.encode(command.limits, buffer, at);
        }
        int length = at - offset;
        RecordHeader.write(buffer, offset, length, RecordType.of(command.type), SCHEMA_VERSION, command.sequence,
                command.eventTimeNanos);
        return length;
    }

    /** The correlation id of the command record at {@code offset}, without decoding the rest. */
    public static long correlationId(DirectBuffer buffer, int offset) {
        RecordHeader.check(buffer, offset, SCHEMA_VERSION, RecordType::isCommand, "a command");
        if (RecordHeader.version(buffer, offset) <= CommandLayoutV3.VERSION) {
            return CommandLayoutV3.correlationId(buffer, offset);
        }
        return Varints.getSigned(buffer, offset + NUMBERS, end(buffer, offset), RECORD, "correlationId");
    }

    /** The account id of the command record at {@code offset}, without decoding the rest. */
    public static int accountId(DirectBuffer buffer, int offset) {
        RecordHeader.check(buffer, offset, SCHEMA_VERSION, RecordType::isCommand, "a command");
        if (RecordHeader.version(buffer, offset) <= CommandLayoutV3.VERSION) {
            return CommandLayoutV3.accountId(buffer, offset);
        }
        int end = end(buffer, offset);
        int at = offset + NUMBERS;
        at += Varints.length(Varints.get(buffer, at, end, RECORD, "correlationId"));
        return Fields.toInt(Varints.getSigned(buffer, at, end, RECORD, "accountId"));
    }

    /** Reads the command record at {@code offset} (schema 2, 3 or 4) into {@code command}; returns the record's length. */
    public static int decode(DirectBuffer buffer, int offset, Command command) {
        RecordType type = RecordHeader.check(buffer, offset, SCHEMA_VERSION, RecordType::isCommand, "a command");
        command.clear();
        command.type = type.command();
        command.sequence = RecordHeader.sequence(buffer, offset);
        command.eventTimeNanos = RecordHeader.eventTime(buffer, offset);
        int length = RecordHeader.length(buffer, offset);
        if (RecordHeader.version(buffer, offset) <= CommandLayoutV3.VERSION) {
            CommandLayoutV3.decode(buffer, offset, command);
        } else {
            decodeFields(buffer, offset, offset + length, command);
        }
        return length;
    }

    private static void decodeFields(DirectBuffer buffer, int offset, int end, Command command) {
        need(offset + NUMBERS, 0, end, "ingressNanos");
        command.ingressNanos = buffer.getLong(offset + INGRESS, ORDER);
        int at = offset + NUMBERS;
        command.correlationId = Varints.getSigned(buffer, at, end, RECORD, "correlationId");
        at += Varints.signedLength(command.correlationId);
        command.accountId = Fields.toInt(Varints.getSigned(buffer, at, end, RECORD, "accountId"));
        at += Varints.signedLength(command.accountId);
        switch (command.type) {
            case NEW_ORDER -> {
                command.symbolId = Fields.toInt(Varints.getSigned(buffer, at, end, RECORD, "symbolId"));
                at += Varints.signedLength(command.symbolId);
                need(at, 5, end, "side");
                command.side = Fields.getEnum(buffer, at, Fields.SIDES);
                command.orderType = Fields.getEnum(buffer, at + 1, Fields.ORDER_TYPES);
                command.timeInForce = Fields.getEnum(buffer, at + 2, Fields.TIMES_IN_FORCE);
                command.stpMode = Fields.getEnum(buffer, at + 3, Fields.STP_MODES);
                int flags = buffer.getByte(at + 4) & 0xFF;
                if ((flags & ~(POST_ONLY | EXPIRES | FROM_CONNECTION)) != 0) {
                    throw new JournalFormatException(RECORD + " NEW_ORDER has unknown flags " + flags);
                }
                command.postOnly = (flags & POST_ONLY) != 0;
                at += 5;
                command.price = Varints.getSigned(buffer, at, end, RECORD, "price");
                at += Varints.signedLength(command.price);
                command.qty = Varints.getSigned(buffer, at, end, RECORD, "qty");
                at += Varints.signedLength(command.qty);
                if ((flags & EXPIRES) != 0) {
                    command.expireTimeNanos = flagged(buffer, at, end, "expireTimeNanos");
                    at += 8;
                }
                if ((flags & FROM_CONNECTION) != 0) {
                    command.origin = flagged(buffer, at, end, "origin");
                    at += 8;
                }
                at = clOrdId(buffer, at, end, command.clOrdId);
            }
            case CANCEL_ORDER -> {
                command.orderId = Varints.getSigned(buffer, at, end, RECORD, "orderId");
                at = clOrdId(buffer, at + Varints.signedLength(command.orderId), end, command.clOrdId);
                at = clOrdId(buffer, at, end, command.origClOrdId);
            }
            case AMEND_ORDER -> {
                command.orderId = Varints.getSigned(buffer, at, end, RECORD, "orderId");
                at += Varints.signedLength(command.orderId);
                command.price = Varints.getSigned(buffer, at, end, RECORD, "price");
                at += Varints.signedLength(command.price);
                command.qty = Varints.getSigned(buffer, at, end, RECORD, "qty");
                at = clOrdId(buffer, at + Varints.signedLength(command.qty), end, command.clOrdId);
                at = clOrdId(buffer, at, end, command.origClOrdId);
            }
            case MASS_CANCEL, HALT_SYMBOL, RESUME_SYMBOL -> {
                command.symbolId = Fields.toInt(Varints.getSigned(buffer, at, end, RECORD, "symbolId"));
                at += Varints.signedLength(command.symbolId);
            }
            case CANCEL_ALL_AFTER -> {
                command.timeoutNanos = Varints.getSigned(buffer, at, end, RECORD, "timeoutNanos");
                at += Varints.signedLength(command.timeoutNanos);
            }
            case CANCEL_ON_DISCONNECT -> {
                need(at, 8, end, "origin");
                command.origin = buffer.getLong(at, ORDER);
                at += 8;
            }
            case TRIP_BREAKER, RESET_BREAKER -> {
                command.symbolId = Fields.toInt(Varints.getSigned(buffer, at, end, RECORD, "symbolId"));
                at += Varints.signedLength(command.symbolId);
                need(at, 1, end, "breakerKind");
                command.breakerKind = Fields.getEnum(buffer, at++, Fields.BREAKER_KINDS);
            }
            case CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH -> {
            }
            case SET_LIMITS -> {
                need(at, 4, end, "limits");
                long limits = LimitsCodec.length(buffer, at);
                need(at, limits, end, "limits");
                command.limits = LimitsCodec.decode(buffer, at);
                at += (int) limits;
            }
        }
        if (at != end) {
            throw new JournalFormatException(RECORD + " " + command.type + " of " + (end - offset) + " bytes holds "
                    + (at - offset));
        }
    }

    /** The i64 a new order's flag says follows: never 0, which the encoder writes as the flag left clear. */
    private static long flagged(DirectBuffer buffer, int at, int end, String field) {
        need(at, 8, end, field);
        long value = buffer.getLong(at, ORDER);
        if (value == 0) {
            throw new JournalFormatException(RECORD + " field " + field + " is flagged but 0");
        }
        return value;
    }

    /** Refuses the record if fewer than {@code bytes} of it are left at {@code at}. */
    private static void need(int at, long bytes, int end, String field) {
        if (at + bytes > end) {
            throw new JournalFormatException(RECORD + " field " + field + " is cut short");
        }
    }

    /** Reads the id at {@code at}, refusing one that goes past {@code end}; returns where it ends. */
    private static int clOrdId(DirectBuffer buffer, int at, int end, ClOrdId id) {
        need(at, 1, end, "clOrdId");
        need(at, 1 + (buffer.getByte(at) & 0xFF), end, "clOrdId");
        Fields.getClOrdId(buffer, at, id);
        return at + 1 + id.length();
    }

    private static int end(DirectBuffer buffer, int offset) {
        return offset + RecordHeader.length(buffer, offset);
    }
}

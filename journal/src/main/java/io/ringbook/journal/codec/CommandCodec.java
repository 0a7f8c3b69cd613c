package io.ringbook.journal.codec;

import io.ringbook.engine.command.Command;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Commands as journal records: the {@link RecordHeader}, then a layout fixed per
 * command type holding only the fields that type uses. Encodes straight into the
 * destination buffer and decodes into a reused {@link Command}; nothing is allocated.
 * <pre>
 * every command  20 correlationId i64, 28 ingressNanos i64, 36 accountId i32
 * NEW_ORDER      40 symbolId i32, 44 side, 45 orderType, 46 timeInForce, 47 stpMode, 48 postOnly (u8 each),
 *                56 price i64, 64 qty i64, 72 expireTime i64, 80 clOrdId (1 + length bytes),
 *                then origin i64 (version 3)                                                 = 89-125 bytes
 * CANCEL_ORDER   40 orderId i64, 48 clOrdId, then origClOrdId                                 = 50-122
 * AMEND_ORDER    40 orderId i64, 48 price i64, 56 qty i64, 64 clOrdId, then origClOrdId      = 66-138
 * MASS_CANCEL    40 symbolId i32                                                             =  44
 * CANCEL_ALL_AFTER 40 timeoutNanos i64                                                       =  48
 * CLOCK_TICK, SNAPSHOT  nothing more                                                         =  40
 * HALT_SYMBOL, RESUME_SYMBOL  40 symbolId i32                                                =  44
 * TRIP_BREAKER, RESET_BREAKER 40 symbolId i32, 44 breakerKind u8 (target account in accountId) = 48
 * KILL_SWITCH, RELEASE_KILL_SWITCH  nothing more (accountId -1: global)                      =  40
 * CANCEL_ON_DISCONNECT  40 origin i64 (version 3; version 2: nothing, origin 0)             =  48
 * SET_LIMITS     40 limits ({@link LimitsCodec})                                             = 44 + 80 + 16 per symbol
 * </pre>
 * Version 3 added the origin (the connection an order entered through); version 2
 * records are read with origin 0. Order commands are at most {@link #MAX_LENGTH} bytes; only SET_LIMITS, with its per-symbol
 * entries, can be longer (the batch buffer grows for it).
 */
public final class CommandCodec {

    public static final int SCHEMA_VERSION = 3;
    private static final int BEFORE_ORIGIN = 2;
    /** The longest order command record (a NEW_ORDER with a 36-character clOrdId). */
    public static final int MAX_LENGTH = 40 + 32 + 2 * Fields.CL_ORD_ID_MAX_LENGTH;

    private static final int CORRELATION = 20;
    private static final int INGRESS = 28;
    private static final int ACCOUNT = 36;
    private static final int BODY = 40;

    private CommandCodec() {
    }

    /** Writes {@code command} at {@code offset}; returns the record's length. */
    public static int encode(Command command, MutableDirectBuffer buffer, int offset) {
        buffer.putLong(offset + CORRELATION, command.correlationId, ORDER);
        buffer.putLong(offset + INGRESS, command.ingressNanos, ORDER);
        buffer.putInt(offset + ACCOUNT, command.accountId, ORDER);
        int at = offset + BODY;
        int length = switch (command.type) {
            case NEW_ORDER -> {
                buffer.putInt(at, command.symbolId, ORDER);
                Fields.putEnum(buffer, at + 4, command.side);
                Fields.putEnum(buffer, at + 5, command.orderType);
                Fields.putEnum(buffer, at + 6, command.timeInForce);
                Fields.putEnum(buffer, at + 7, command.stpMode);
                buffer.putByte(at + 8, (byte) (command.postOnly ? 1 : 0));
                buffer.setMemory(at + 9, 7, (byte) 0);
                buffer.putLong(at + 16, command.price, ORDER);
                buffer.putLong(at + 24, command.qty, ORDER);
                buffer.putLong(at + 32, command.expireTimeNanos, ORDER);
                int id = Fields.putClOrdId(buffer, at + 40, command.clOrdId);
                buffer.putLong(at + 40 + id, command.origin, ORDER);
                yield BODY + 40 + id + 8;
            }
            case CANCEL_ORDER -> {
                buffer.putLong(at, command.orderId, ORDER);
                int id = Fields.putClOrdId(buffer, at + 8, command.clOrdId);
                yield BODY + 8 + id + Fields.putClOrdId(buffer, at + 8 + id, command.origClOrdId);
            }
            case AMEND_ORDER -> {
                buffer.putLong(at, command.orderId, ORDER);
                buffer.putLong(at + 8, command.price, ORDER);
                buffer.putLong(at + 16, command.qty, ORDER);
                int id = Fields.putClOrdId(buffer, at + 24, command.clOrdId);
                yield BODY + 24 + id + Fields.putClOrdId(buffer, at + 24 + id, command.origClOrdId);
            }
            case MASS_CANCEL -> {
                buffer.putInt(at, command.symbolId, ORDER);
                yield BODY + 4;
            }
            case CANCEL_ALL_AFTER -> {
                buffer.putLong(at, command.timeoutNanos, ORDER);
                yield BODY + 8;
            }
            case CANCEL_ON_DISCONNECT -> {
                buffer.putLong(at, command.origin, ORDER);
                yield BODY + 8;
            }
            case CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH -> BODY;
            case HALT_SYMBOL, RESUME_SYMBOL -> {
                buffer.putInt(at, command.symbolId, ORDER);
                yield BODY + 4;
            }
            case TRIP_BREAKER, RESET_BREAKER -> {
                buffer.putInt(at, command.symbolId, ORDER);
                buffer.putInt(at + 4, 0, ORDER);
                Fields.putEnum(buffer, at + 4, command.breakerKind);
                yield BODY + 8;
            }
            case SET_LIMITS -> BODY + LimitsCodec.encode(command.limits, buffer, at);
        };
        RecordHeader.write(buffer, offset, length, RecordType.of(command.type), SCHEMA_VERSION, command.sequence,
                command.eventTimeNanos);
        return length;
    }

    /** The correlation id of the command record at {@code offset}, without decoding the rest. */
    public static long correlationId(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + CORRELATION, ORDER);
    }

    /** The account id of the command record at {@code offset}, without decoding the rest. */
    public static int accountId(DirectBuffer buffer, int offset) {
        return buffer.getInt(offset + ACCOUNT, ORDER);
    }

    /** Reads the command record at {@code offset} into {@code command}; returns the record's length. */
    public static int decode(DirectBuffer buffer, int offset, Command command) {
        RecordType type = RecordHeader.check(buffer, offset, SCHEMA_VERSION);
        if (!type.isCommand()) {
            throw new JournalFormatException("expected a command record, found " + type);
        }
        command.clear();
        command.type = type.command();
        command.sequence = RecordHeader.sequence(buffer, offset);
        command.eventTimeNanos = RecordHeader.eventTime(buffer, offset);
        command.correlationId = buffer.getLong(offset + CORRELATION, ORDER);
        command.ingressNanos = buffer.getLong(offset + INGRESS, ORDER);
        command.accountId = buffer.getInt(offset + ACCOUNT, ORDER);
        boolean withOrigin = RecordHeader.version(buffer, offset) > BEFORE_ORIGIN;
        int at = offset + BODY;
        switch (command.type) {
            case NEW_ORDER -> {
                command.symbolId = buffer.getInt(at, ORDER);
                command.side = Fields.getEnum(buffer, at + 4, Fields.SIDES);
                command.orderType = Fields.getEnum(buffer, at + 5, Fields.ORDER_TYPES);
                command.timeInForce = Fields.getEnum(buffer, at + 6, Fields.TIMES_IN_FORCE);
                command.stpMode = Fields.getEnum(buffer, at + 7, Fields.STP_MODES);
                command.postOnly = buffer.getByte(at + 8) != 0;
                command.price = buffer.getLong(at + 16, ORDER);
                command.qty = buffer.getLong(at + 24, ORDER);
                command.expireTimeNanos = buffer.getLong(at + 32, ORDER);
                Fields.getClOrdId(buffer, at + 40, command.clOrdId);
                command.origin = withOrigin ? buffer.getLong(at + 40 + 1 + command.clOrdId.length(), ORDER) : 0;
            }
            case CANCEL_ORDER -> {
                command.orderId = buffer.getLong(at, ORDER);
                Fields.getClOrdId(buffer, at + 8, command.clOrdId);
                Fields.getClOrdId(buffer, at + 8 + 1 + command.clOrdId.length(), command.origClOrdId);
            }
            case AMEND_ORDER -> {
                command.orderId = buffer.getLong(at, ORDER);
                command.price = buffer.getLong(at + 8, ORDER);
                command.qty = buffer.getLong(at + 16, ORDER);
                Fields.getClOrdId(buffer, at + 24, command.clOrdId);
                Fields.getClOrdId(buffer, at + 24 + 1 + command.clOrdId.length(), command.origClOrdId);
            }
            case MASS_CANCEL -> command.symbolId = buffer.getInt(at, ORDER);
            case CANCEL_ALL_AFTER -> command.timeoutNanos = buffer.getLong(at, ORDER);
            case CANCEL_ON_DISCONNECT -> command.origin = withOrigin ? buffer.getLong(at, ORDER) : 0;
            case CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH -> {
            }
            case HALT_SYMBOL, RESUME_SYMBOL -> command.symbolId = buffer.getInt(at, ORDER);
            case TRIP_BREAKER, RESET_BREAKER -> {
                command.symbolId = buffer.getInt(at, ORDER);
                command.breakerKind = Fields.getEnum(buffer, at + 4, Fields.BREAKER_KINDS);
            }
            case SET_LIMITS -> command.limits = LimitsCodec.decode(buffer, at);
        }
        return RecordHeader.length(buffer, offset);
    }
}

package io.ringbook.journal.codec;

import io.ringbook.engine.command.Command;
import org.agrona.DirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Reads command records of schema versions 2 and 3 (before the compact layout), so that
 * input journals written by earlier builds replay and back-test as they did; nothing
 * writes this layout any more. Fixed offsets after the {@link RecordHeader}:
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
 * records are read with origin 0.
 */
final class CommandLayoutV3 {

    static final int VERSION = 3;
    private static final int BEFORE_ORIGIN = 2;
    private static final int CORRELATION = 20;
    private static final int INGRESS = 28;
    private static final int ACCOUNT = 36;
    private static final int BODY = 40;

    private CommandLayoutV3() {
    }

    static long correlationId(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + CORRELATION, ORDER);
    }

    static int accountId(DirectBuffer buffer, int offset) {
        return buffer.getInt(offset + ACCOUNT, ORDER);
    }

    /** Reads the fields after the header of the record at {@code offset} into {@code command}, whose type is set. */
    static void decode(DirectBuffer buffer, int offset, Command command) {
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
    }
}

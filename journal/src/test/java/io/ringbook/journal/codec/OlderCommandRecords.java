package io.ringbook.journal.codec;

import io.ringbook.engine.command.Command;
import org.agrona.MutableDirectBuffer;

import static io.ringbook.journal.codec.RecordHeader.ORDER;

/**
 * Command records as builds before the compact layout wrote them ({@link CommandLayoutV3}'s
 * fixed offsets), for the tests that an older input journal still reads: this build's
 * codec no longer writes them.
 */
public final class OlderCommandRecords {

    private OlderCommandRecords() {
    }

    /** Writes {@code command} at {@code offset} as a version {@code version} (2 or 3) record; returns its length. */
    public static int write(Command command, MutableDirectBuffer buffer, int offset, int version) {
        buffer.putLong(offset + 20, command.correlationId, ORDER);
        buffer.putLong(offset + 28, command.ingressNanos, ORDER);
        buffer.putInt(offset + 36, command.accountId, ORDER);
        int at = offset + 40;
        int origin = version >= 3 ? 8 : 0;
        int length = switch (command.type) {
            case NEW_ORDER -> {
                buffer.putInt(at, command.symbolId, ORDER);
                Fields.putEnum(buffer, at + 4, command.side);
                Fields.putEnum(buffer, at + 5, command.orderType);
                Fields.putEnum(buffer, at + 6, command.timeInForce);
                Fields.putEnum(buffer, at + 7, command.stpMode);
                buffer.putByte(at + 8, (byte) (command.postOnly ? 1 : 0));
                buffer.putLong(at + 16, command.price, ORDER);
                buffer.putLong(at + 24, command.qty, ORDER);
                buffer.putLong(at + 32, command.expireTimeNanos, ORDER);
                int id = Fields.putClOrdId(buffer, at + 40, command.clOrdId);
                buffer.putLong(at + 40 + id, command.origin, ORDER);
                yield 80 + id + origin;
            }
            case CANCEL_ORDER -> {
                buffer.putLong(at, command.orderId, ORDER);
                int id = Fields.putClOrdId(buffer, at + 8, command.clOrdId);
                yield 48 + id + Fields.putClOrdId(buffer, at + 8 + id, command.origClOrdId);
            }
            case AMEND_ORDER -> {
                buffer.putLong(at, command.orderId, ORDER);
                buffer.putLong(at + 8, command.price, ORDER);
                buffer.putLong(at + 16, command.qty, ORDER);
                int id = Fields.putClOrdId(buffer, at + 24, command.clOrdId);
                yield 64 + id + Fields.putClOrdId(buffer, at + 24 + id, command.origClOrdId);
            }
            case MASS_CANCEL, HALT_SYMBOL, RESUME_SYMBOL -> {
                buffer.putInt(at, command.symbolId, ORDER);
                yield 44;
            }
            case CANCEL_ALL_AFTER -> {
                buffer.putLong(at, command.timeoutNanos, ORDER);
                yield 48;
            }
            case CANCEL_ON_DISCONNECT -> {
                buffer.putLong(at, command.origin, ORDER);
                yield 40 + origin;
            }
            case TRIP_BREAKER, RESET_BREAKER -> {
                buffer.putInt(at, command.symbolId, ORDER);
                buffer.putInt(at + 4, 0, ORDER);
                Fields.putEnum(buffer, at + 4, command.breakerKind);
                yield 48;
            }
            case CLOCK_TICK, SNAPSHOT, KILL_SWITCH, RELEASE_KILL_SWITCH -> 40;
            case SET_LIMITS -> 40 + LimitsCodec.encode(command.limits, buffer, at);
        };
        RecordHeader.write(buffer, offset, length, RecordType.of(command.type), version, command.sequence,
                command.eventTimeNanos);
        return length;
    }
}

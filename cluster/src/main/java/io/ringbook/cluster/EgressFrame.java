package io.ringbook.cluster;

import io.ringbook.journal.codec.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * An egress message is one or more frames back to back (the frames one log message
 * produced, or a part of a resend), or a notice. Every node numbers the frames it produces (1, 2, ...) in log order,
 * so the numbers are the same on every node and a gateway that missed some (a leader
 * that died before sending them, a gateway that was away) asks any later leader for the
 * frames after the last it applied ({@link IngressMessages#resendFrom}).
 * <pre>
 *   0  i64 origin: the cluster session id of the client whose command caused the frame
 *   8  i64 frame number
 *  16  a journal record: the command as decided (its sequence, the log's time), one of
 *      its events, or the QUARANTINE record of a command the logic failed on
 * </pre>
 * A frame's length follows from its record's ({@link #length}). A resend answer starts
 * with a notice of {@value #NOTICE_LENGTH} bytes, alone in its message: in place of the
 * origin the answering node's configuration fingerprint (equal to the one in the log, or
 * the node would have refused to go on), which the gateway compares with its own; the
 * number of the first frame that follows, then at 16 the number of the last frame that
 * follows and at 24 the number of the newest frame the node has produced.
 */
final class EgressFrame {

    static final int NUMBER_OFFSET = 8;
    static final int RECORD_OFFSET = 16;
    static final int NOTICE_LENGTH = 32;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private EgressFrame() {
    }

    static void putHeader(MutableDirectBuffer buffer, int offset, long origin, long number) {
        buffer.putLong(offset, origin, ORDER);
        buffer.putLong(offset + NUMBER_OFFSET, number, ORDER);
    }

    static int putNotice(MutableDirectBuffer buffer, int fingerprint, long first, long last, long newest) {
        putHeader(buffer, 0, fingerprint, first);
        buffer.putLong(RECORD_OFFSET, last, ORDER);
        buffer.putLong(RECORD_OFFSET + 8, newest, ORDER);
        return NOTICE_LENGTH;
    }

    static long origin(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset, ORDER);
    }

    static long number(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + NUMBER_OFFSET, ORDER);
    }

    /** The length of the frame at {@code offset}: its header and its record. */
    static int length(DirectBuffer buffer, int offset) {
        return RECORD_OFFSET + RecordHeader.length(buffer, offset + RECORD_OFFSET);
    }

    static boolean isNotice(int length) {
        return length == NOTICE_LENGTH;
    }

    static int noticeFingerprint(DirectBuffer buffer, int offset) {
        return (int) buffer.getLong(offset, ORDER);
    }

    static long noticeLast(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + RECORD_OFFSET, ORDER);
    }

    static long noticeNewest(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + RECORD_OFFSET + 8, ORDER);
    }
}

package io.ringbook.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * An egress message is a run of frames (the frames one log message produced, or a part
 * of a resend), or a notice. Every node numbers the frames it produces (1, 2, ...) in log
 * order, so the numbers are the same on every node and a gateway that missed some (a
 * leader that died before sending them, a gateway that was away) asks any later leader
 * for the frames after the last it applied ({@link IngressMessages#resendFrom}). The
 * frames of one message have consecutive numbers and the same origin, so both are said
 * once, in front of them:
 * <pre>
 *   0  i64 origin: the cluster session id of the client whose commands caused the frames
 *   8  i64 the number of the first frame (the next ones follow one by one)
 *  16  the frames' journal records back to back, each starting with its own length: a
 *      command as decided (its sequence, the log's time), one of its events, or the
 *      QUARANTINE record of a command the logic failed on
 * </pre>
 * A resend answer starts with a notice of {@value #NOTICE_LENGTH} bytes, alone in its
 * message (a run of frames is longer: a record has at least its 20-byte header): in place
 * of the origin the answering node's configuration fingerprint (equal to the one in the
 * log, or the node would have refused to go on), which the gateway compares with its own;
 * the number of the first frame that follows, then at 16 the number of the last frame
 * that follows and at 24 the number of the newest frame the node has produced.
 */
final class EgressFrame {

    /** Where a message's first record starts. */
    static final int RECORDS = 16;
    static final int NOTICE_LENGTH = 32;
    private static final int NUMBER_OFFSET = 8;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private EgressFrame() {
    }

    /** Starts a run of frames at {@code offset}: their origin and the first one's number; the records follow at {@link #RECORDS}. */
    static void putHeader(MutableDirectBuffer buffer, int offset, long origin, long firstNumber) {
        buffer.putLong(offset, origin, ORDER);
        buffer.putLong(offset + NUMBER_OFFSET, firstNumber, ORDER);
    }

    static int putNotice(MutableDirectBuffer buffer, int fingerprint, long first, long last, long newest) {
        putHeader(buffer, 0, fingerprint, first);
        buffer.putLong(RECORDS, last, ORDER);
        buffer.putLong(RECORDS + 8, newest, ORDER);
        return NOTICE_LENGTH;
    }

    static long origin(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset, ORDER);
    }

    /** The number of a run's first frame, or a notice's first. */
    static long number(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + NUMBER_OFFSET, ORDER);
    }

    static boolean isNotice(int length) {
        return length == NOTICE_LENGTH;
    }

    static int noticeFingerprint(DirectBuffer buffer, int offset) {
        return (int) buffer.getLong(offset, ORDER);
    }

    static long noticeLast(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + RECORDS, ORDER);
    }

    static long noticeNewest(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + RECORDS + 8, ORDER);
    }
}

package io.ringbook.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The log messages besides a single command record, told from one by their length and
 * magic (a command record starts with its own length and type, never these values):
 * <ul>
 * <li>a batch of commands ({@code "RBCB"}, then command records back to back, each
 * starting with its own length): a gateway's agent offers what its doors queued as one
 * message, and every node decides the commands one by one, in order, each with the
 * log's timestamp of the message; being one log entry, a batch is in the log whole or
 * not at all;</li>
 * <li>a gateway's request for the egress frames from a number on ({@code "RBRS"}, i64
 * from; 12 bytes), answered to that gateway only by the node that is leader when the
 * log reaches it;</li>
 * <li>a node's configuration fingerprint ({@code "RBFP"}, i32; 8 bytes), which the
 * service puts into the log itself: the first one in the log is the cluster's, and a
 * node whose own differs refuses to go on.</li>
 * </ul>
 */
final class IngressMessages {

    static final int RESEND_LENGTH = 12;
    static final int FINGERPRINT_LENGTH = 8;
    /** Where a batch's first command record starts. */
    static final int BATCH_RECORDS = 4;
    private static final int BATCH_MAGIC = 0x42434252;
    private static final int RESEND_MAGIC = 0x53524252;
    private static final int FINGERPRINT_MAGIC = 0x50464252;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private IngressMessages() {
    }

    /** Starts a batch in {@code buffer}; returns where its first command record goes. */
    static int startBatch(MutableDirectBuffer buffer) {
        buffer.putInt(0, BATCH_MAGIC, ORDER);
        return BATCH_RECORDS;
    }

    static boolean isBatch(DirectBuffer buffer, int offset, int length) {
        return length > BATCH_RECORDS && buffer.getInt(offset, ORDER) == BATCH_MAGIC;
    }

    static int resendFrom(MutableDirectBuffer buffer, long from) {
        buffer.putInt(0, RESEND_MAGIC, ORDER);
        buffer.putLong(4, from, ORDER);
        return RESEND_LENGTH;
    }

    static boolean isResend(DirectBuffer buffer, int offset, int length) {
        return length == RESEND_LENGTH && buffer.getInt(offset, ORDER) == RESEND_MAGIC;
    }

    static long resendStart(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset + 4, ORDER);
    }

    static int fingerprint(MutableDirectBuffer buffer, int fingerprint) {
        buffer.putInt(0, FINGERPRINT_MAGIC, ORDER);
        buffer.putInt(4, fingerprint, ORDER);
        return FINGERPRINT_LENGTH;
    }

    static boolean isFingerprint(DirectBuffer buffer, int offset, int length) {
        return length == FINGERPRINT_LENGTH && buffer.getInt(offset, ORDER) == FINGERPRINT_MAGIC;
    }

    static int fingerprintValue(DirectBuffer buffer, int offset) {
        return buffer.getInt(offset + 4, ORDER);
    }
}

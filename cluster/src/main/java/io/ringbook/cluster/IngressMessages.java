package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The log messages besides a single command record, told from one by their length and
 * magic (a command record starts with its own length and type, never these values):
 * <ul>
 * <li>a batch of commands ({@code "RBC2"}, then command records back to back, each
 * starting with its own length): a gateway's agent offers what its doors queued as one
 * message, and every node decides the commands one by one, in order, each with the
 * log's timestamp of the message; being one log entry, a batch is in the log whole or
 * not at all. A record in a batch is the journal's command record without the sequence
 * and event time (16 of its 20 header bytes, about a third of an order's record), which only
 * the log gives it: each node puts them back ({@link #unpack});</li>
 * <li>an earlier build's batch ({@code "RBCB"}, then whole command records): still
 * decided record by record, so that a log written before an upgrade replays to the
 * same state (the log after a node's snapshot may hold them);</li>
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
    /** A batch's record is its journal record less these bytes (the sequence and event time). */
    private static final int OMITTED = RecordHeader.STAMP_LENGTH;
    /** The shortest record of a batch: what precedes the omitted bytes (the length, type and version). */
    static final int SHORTEST_RECORD = RecordHeader.STAMP;
    private static final int BATCH_MAGIC = 0x32434252;
    private static final int WHOLE_RECORDS_BATCH_MAGIC = 0x42434252;
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

    /** An earlier build's batch: whole journal records, each starting with its own length. */
    static boolean isWholeRecordsBatch(DirectBuffer buffer, int offset, int length) {
        return length > BATCH_RECORDS && buffer.getInt(offset, ORDER) == WHOLE_RECORDS_BATCH_MAGIC;
    }

    /**
     * Appends {@code command} to the batch of {@code length} bytes in {@code batch}, if the
     * batch stays at most {@code limit} bytes long (its first command always goes, however
     * long): returns the bytes it took, or 0 if it does not fit. {@code scratch} takes the
     * command's journal record first.
     */
    static int append(Command command, MutableDirectBuffer batch, int length, int limit, MutableDirectBuffer scratch) {
        int whole = CommandCodec.encode(command, scratch, 0);
        int taken = whole - OMITTED;
        if (length > BATCH_RECORDS && length + taken > limit) {
            return 0;
        }
        batch.putShort(length, (short) taken, ORDER);
        batch.putBytes(length + 2, scratch, 2, SHORTEST_RECORD - 2);
        batch.putBytes(length + SHORTEST_RECORD, scratch, SHORTEST_RECORD + OMITTED, whole - SHORTEST_RECORD - OMITTED);
        return taken;
    }

    /** The length of the batch's record at {@code offset}, in the batch. */
    static int recordLength(DirectBuffer buffer, int offset) {
        return buffer.getShort(offset, ORDER) & 0xFFFF;
    }

    /**
     * Writes the batch's record at {@code offset} ({@code length} bytes) to {@code destination}
     * as the journal's command record with the log's {@code sequence} and {@code time}.
     */
    static void unpack(DirectBuffer buffer, int offset, int length, long sequence, long time, MutableDirectBuffer destination,
                       int at) {
        destination.putShort(at, (short) (length + OMITTED), ORDER);
        destination.putBytes(at + 2, buffer, offset + 2, SHORTEST_RECORD - 2);
        RecordHeader.stamp(destination, at, sequence, time);
        destination.putBytes(at + SHORTEST_RECORD + OMITTED, buffer, offset + SHORTEST_RECORD, length - SHORTEST_RECORD);
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

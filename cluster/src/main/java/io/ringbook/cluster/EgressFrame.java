package io.ringbook.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * One egress message: the cluster session id of the client whose command caused the
 * event (8 bytes, little-endian), then the event as a journal record ({@code EventCodec}).
 * Every connected gateway receives every event, so each keeps complete read models; only
 * the originating gateway matches the event to a waiting caller.
 */
final class EgressFrame {

    static final int EVENT_OFFSET = Long.BYTES;

    private EgressFrame() {
    }

    static void putOrigin(MutableDirectBuffer buffer, long clusterSessionId) {
        buffer.putLong(0, clusterSessionId, ByteOrder.LITTLE_ENDIAN);
    }

    static long origin(DirectBuffer buffer, int offset) {
        return buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }
}

package io.ringbook.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.logbuffer.Header;
import io.ringbook.engine.state.StateBuffer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The service's snapshot in Aeron's snapshot stream: a header, then the business logic's
 * state as {@code BusinessLogic.writeState} writes it (the single-process engine's
 * snapshot format), cut into fragments no longer than the publication's payload.
 * <pre>
 * header  0 magic "RBCS" i32, 4 version i32, 8 configuration fingerprint i32, 12 state length i32,
 *         16 sequence i64, 24 lastEventTime i64, 32 outputDigest i64,
 *         40 egress frames produced i64 (version 2)                    = 48 bytes (version 1: 40)
 * </pre>
 * The configuration's fingerprint is kept so that a node started with other reference
 * data refuses the snapshot instead of silently deciding differently from its peers; the
 * count of egress frames so that the frames' numbers ({@link EgressFrame}) run on.
 * Version 1 snapshots are read with a frame count of 0.
 */
final class ServiceSnapshot {

    static final int MAGIC = 0x52424353;
    static final int VERSION = 2;
    private static final int HEADER = 48;
    private static final int HEADER_V1 = 40;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    /** What a snapshot restores besides the logic's state. */
    record Counters(int configCrc, long outputDigest, long sequence, long lastEventTimeNanos, long frames) {
    }

    private ServiceSnapshot() {
    }

    static void write(ExclusivePublication out, IdleStrategy idle, Counters counters, StateBuffer state) {
        UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER]);
        header.putInt(0, MAGIC, ORDER);
        header.putInt(4, VERSION, ORDER);
        header.putInt(8, counters.configCrc(), ORDER);
        header.putInt(12, state.length(), ORDER);
        header.putLong(16, counters.sequence(), ORDER);
        header.putLong(24, counters.lastEventTimeNanos(), ORDER);
        header.putLong(32, counters.outputDigest(), ORDER);
        header.putLong(40, counters.frames(), ORDER);
        offer(out, idle, header, 0, HEADER);
        UnsafeBuffer body = new UnsafeBuffer(state.array(), 0, Math.max(state.length(), 1));
        int chunk = out.maxPayloadLength();
        for (int at = 0; at < state.length(); at += chunk) {
            offer(out, idle, body, at, Math.min(chunk, state.length() - at));
        }
    }

    /** Reads a snapshot written by {@link #write} into {@code state} (ready to read) and returns its counters. */
    static Counters read(Image image, IdleStrategy idle, StateBuffer state) {
        Reader reader = new Reader(state);
        while (!reader.complete()) {
            int fragments = image.poll(reader::onFragment, 1);
            if (fragments == 0) {
                if (image.isClosed() || image.isEndOfStream()) {
                    throw new IllegalStateException("the snapshot ended after " + reader.received + " bytes of state");
                }
                idle.idle();
            }
        }
        return reader.counters;
    }

    private static void offer(ExclusivePublication out, IdleStrategy idle, DirectBuffer buffer, int offset, int length) {
        idle.reset();
        long result;
        while ((result = out.offer(buffer, offset, length)) < 0) {
            if (result == ExclusivePublication.CLOSED || result == ExclusivePublication.NOT_CONNECTED
                    || result == ExclusivePublication.MAX_POSITION_EXCEEDED) {
                throw new IllegalStateException("snapshot publication refused the state: " + result);
            }
            idle.idle();
        }
    }

    /** Collects the header, then the state's bytes. */
    private static final class Reader {
        private final StateBuffer state;
        private Counters counters;
        private byte[] bytes;
        private int received;

        Reader(StateBuffer state) {
            this.state = state;
        }

        boolean complete() {
            return bytes != null && received == bytes.length;
        }

        void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
            if (bytes == null) {
                int version = length >= HEADER_V1 ? buffer.getInt(offset + 4, ORDER) : -1;
                if (buffer.getInt(offset, ORDER) != MAGIC || !(version == VERSION && length == HEADER
                        || version == 1 && length == HEADER_V1)) {
                    throw new IllegalStateException("not a Ringbook cluster snapshot of version 1 or " + VERSION);
                }
                counters = new Counters(buffer.getInt(offset + 8, ORDER), buffer.getLong(offset + 32, ORDER),
                        buffer.getLong(offset + 16, ORDER), buffer.getLong(offset + 24, ORDER),
                        version == 1 ? 0 : buffer.getLong(offset + 40, ORDER));
                bytes = new byte[buffer.getInt(offset + 12, ORDER)];
            } else {
                buffer.getBytes(offset, bytes, received, length);
                received += length;
                if (complete()) {
                    state.load(bytes, 0, bytes.length);
                }
            }
        }
    }
}

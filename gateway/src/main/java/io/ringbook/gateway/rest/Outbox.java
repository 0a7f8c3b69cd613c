package io.ringbook.gateway.rest;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream session's way out: the frames meant for it alone (answers, errors, pongs,
 * heartbeats, a ticker or a book snapshot at subscribe) queued and bounded in bytes (a
 * 1,000-level snapshot weighs as much as hundreds of updates, so a bound in frames would
 * bound nothing; a frame that does not fit marks the outbox overflowed: its client is a
 * slow consumer), and the writer the stream thread hands Jetty every frame through, shared
 * ones from the {@link FrameLog} too. The writer keeps at most {@value #IN_FLIGHT_BYTES}
 * bytes that the socket has not yet taken (Jetty's own queue is unbounded, so without this
 * window a stalled client would hoard memory instead of falling behind), and hands a pass's
 * frames over as one batch: all but the last marked for batching, so that Jetty gathers
 * them into one socket write, and one callback for the batch, on its last frame. Shared
 * bytes are read through a view of the session's own (Jetty moves the position of the
 * buffer it writes).
 */
final class Outbox {

    static final long IN_FLIGHT_BYTES = 256 * 1024;

    /** A queued frame; a book snapshot names its feed, told when the snapshot is handed to Jetty. */
    private record Queued(ByteBuffer frame, BookFeed feed, long sequence) {
    }

    private final ConcurrentLinkedQueue<Queued> queued = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final long capacityBytes;
    private volatile boolean overflowed;
    // the stream thread's batch under way
    private CoreSession core;
    private ByteBuffer last;
    private long batchBytes;

    Outbox(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    void offer(String frame) {
        offer(frame, null, 0);
    }

    /** A book snapshot current to {@code sequence}: the feed learns when it is on its way, and lets its updates follow. */
    void offerSnapshot(String frame, BookFeed feed, long sequence) {
        offer(frame, feed, sequence);
    }

    private void offer(String frame, BookFeed feed, long sequence) {
        ByteBuffer bytes = ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8));
        long size = bytes.remaining();
        if (queuedBytes.addAndGet(size) > capacityBytes) {
            queuedBytes.addAndGet(-size);
            overflowed = true;
            return;
        }
        queued.add(new Queued(bytes, feed, sequence));
    }

    /** Marks the client a slow consumer for frames it fell behind on elsewhere. */
    void overflow() {
        overflowed = true;
    }

    boolean overflowed() {
        return overflowed;
    }

    long capacityBytes() {
        return capacityBytes;
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** On the stream thread: starts a pass's batch. */
    void begin(CoreSession session) {
        core = session;
    }

    /** Whether the in-flight window takes another frame in this pass. */
    boolean hasRoom() {
        return inFlightBytes.get() + batchBytes < IN_FLIGHT_BYTES;
    }

    /** Writes the queued frames the window takes; true if none is left. */
    boolean drainQueued() {
        while (hasRoom()) {
            Queued next = queued.poll();
            if (next == null) {
                return true;
            }
            queuedBytes.addAndGet(-next.frame().remaining());
            write(next.frame());
            if (next.feed() != null) {
                next.feed().snapshotSent(next.sequence());
            }
        }
        return queued.isEmpty();
    }

    /** Adds a frame (its bytes possibly shared with other sessions, never written to) to the pass's batch. */
    void write(ByteBuffer frame) {
        if (last != null) {
            core.sendFrame(new Frame(OpCode.TEXT, last), Callback.NOOP, true);
        }
        last = frame.duplicate();
        batchBytes += last.remaining();
    }

    /** Ends the pass: its last frame flushes the batch, and its callback gives the batch's bytes back to the window. */
    void end() {
        if (last == null) {
            return;
        }
        long bytes = batchBytes;
        inFlightBytes.addAndGet(bytes);
        Frame frame = new Frame(OpCode.TEXT, last);
        last = null;
        batchBytes = 0;
        core.sendFrame(frame, Callback.from(() -> inFlightBytes.addAndGet(-bytes), failure -> inFlightBytes.addAndGet(-bytes)), false);
    }
}

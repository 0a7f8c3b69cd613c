package io.ringbook.gateway.rest;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream session's rendered frames waiting to go, bounded in bytes (a frame of a
 * 1,000-level book snapshot weighs as much as hundreds of updates, so a bound in frames
 * would bound nothing). Producers (the outbound thread, the session's own thread, the
 * heartbeat) only offer; the stream thread drains, handing Jetty at most
 * {@value #IN_FLIGHT_BYTES} bytes that the socket has not yet taken (Jetty's own queue is
 * unbounded, so without this window a stalled client would hoard memory instead of
 * filling its outbox). A frame that does not fit marks the outbox overflowed: its client
 * is a slow consumer. A frame is held as its UTF-8 bytes: one that many sessions follow
 * (a book update, a trade) is encoded once and its bytes shared by every outbox it is
 * queued in ({@link #shared}), each session's write reading them through a view of its own.
 */
final class Outbox {

    static final long IN_FLIGHT_BYTES = 256 * 1024;

    private final ConcurrentLinkedQueue<ByteBuffer> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final long capacityBytes;
    private volatile boolean overflowed;

    Outbox(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** A frame's bytes, to be queued for any number of sessions; never written to. */
    static ByteBuffer shared(String frame) {
        return ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8));
    }

    void offer(String frame) {
        offer(shared(frame));
    }

    void offer(ByteBuffer frame) {
        long size = frame.remaining();
        if (queuedBytes.addAndGet(size) > capacityBytes) {
            queuedBytes.addAndGet(-size);
            overflowed = true;
            return;
        }
        frames.add(frame);
    }

    /** Marks the client a slow consumer for frames held elsewhere on its behalf. */
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

    /**
     * On the stream thread: hands Jetty what fits in the in-flight window, all but the last
     * frame marked for batching, so that Jetty gathers a session's frames of one drain into
     * one socket write instead of one write per frame (each {@code sendText} flushes).
     */
    void drainTo(Session session) {
        CoreSession core = ((WebSocketSession) session).getCoreSession();
        ByteBuffer frame = inFlightBytes.get() < IN_FLIGHT_BYTES ? frames.poll() : null;
        while (frame != null) {
            long size = frame.remaining();
            queuedBytes.addAndGet(-size);
            inFlightBytes.addAndGet(size);
            ByteBuffer next = inFlightBytes.get() < IN_FLIGHT_BYTES ? frames.poll() : null;
            // Jetty moves the position of the buffer it writes: each session writes through its own view of shared bytes
            core.sendFrame(new Frame(OpCode.TEXT, frame.duplicate()), Callback.from(() -> inFlightBytes.addAndGet(-size),
                    failure -> inFlightBytes.addAndGet(-size)), next != null);
            frame = next;
        }
    }
}

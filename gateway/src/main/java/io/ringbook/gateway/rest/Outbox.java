package io.ringbook.gateway.rest;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

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
 * is a slow consumer. Frames are JSON of printable ASCII, so a character is a byte.
 */
final class Outbox {

    static final long IN_FLIGHT_BYTES = 256 * 1024;

    private final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final long capacityBytes;
    private volatile boolean overflowed;

    Outbox(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    void offer(String frame) {
        long size = frame.length();
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
        String frame = inFlightBytes.get() < IN_FLIGHT_BYTES ? frames.poll() : null;
        while (frame != null) {
            long size = frame.length();
            queuedBytes.addAndGet(-size);
            inFlightBytes.addAndGet(size);
            String next = inFlightBytes.get() < IN_FLIGHT_BYTES ? frames.poll() : null;
            core.sendFrame(new Frame(OpCode.TEXT, frame), Callback.from(() -> inFlightBytes.addAndGet(-size),
                    failure -> inFlightBytes.addAndGet(-size)), next != null);
            frame = next;
        }
    }
}

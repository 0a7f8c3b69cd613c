package io.ringbook.gateway.rest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's subscription to one symbol's book: a snapshot, then exactly the updates
 * after it, contiguous, none repeated. The snapshot is copied and rendered on the
 * session's own thread while the outbound thread goes on; updates that arrive before it
 * is ready are held, and when it is queued only those newer than its sequence follow
 * it. An update the outbound thread brings after the snapshot already includes it (the
 * depth book is updated before the streams in the same pass) is dropped by its sequence.
 * The lock guards this feed only and is held for queueing, never for rendering.
 */
final class BookFeed {

    /** An update rendered while the snapshot was being made. */
    private record Held(long sequence, ByteBuffer frame) {
    }

    private final Outbox outbox;
    private List<Held> held = new ArrayList<>();
    private long heldBytes;
    private long sequence = -1;
    private boolean closed;

    BookFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    /** On the outbound thread: an update with its book sequence, its bytes shared with other sessions' feeds ({@link Outbox#shared}). */
    synchronized void update(long updateSequence, ByteBuffer frame) {
        if (closed) {
            return;
        }
        if (held != null) {
            held.add(new Held(updateSequence, frame));
            heldBytes += frame.remaining();
            if (heldBytes > outbox.capacityBytes()) {
                outbox.overflow();
                closed = true;
            }
        } else if (updateSequence > sequence) {
            outbox.offer(frame);
        }
    }

    /** The snapshot, current to {@code snapshotSequence}; what was held and is newer follows it. */
    synchronized void snapshot(long snapshotSequence, String frame) {
        if (closed) {
            return;
        }
        outbox.offer(frame);
        sequence = snapshotSequence;
        for (Held update : held) {
            if (update.sequence() > snapshotSequence) {
                outbox.offer(update.frame());
            }
        }
        held = null;
    }

    /** Unsubscribed: nothing more is queued for this feed, even by an update already under way. */
    synchronized void close() {
        closed = true;
        held = null;
    }
}

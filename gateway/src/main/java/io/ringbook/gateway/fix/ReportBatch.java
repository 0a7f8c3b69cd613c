package io.ringbook.gateway.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * The reports of one outbound batch, held per session and written with one socket write
 * each when the batch ends, instead of one write per report: a NewOrderSingle that trades
 * has its New and its Fill go out together, and a burst's reports go out in a few writes
 * instead of thousands (on loopback each write also runs the receiver's side of TCP).
 * Only the thread that sends reports (the outbound thread, which {@link #holdOn claims}
 * it) holds messages; any other thread's message first writes what is held, so the
 * order of the sequence numbers is kept ({@link DirectResponder}).
 */
final class ReportBatch {

    private final List<DirectResponder> holding = new ArrayList<>();
    private volatile Thread holder;

    /**
     * The calling thread, the one that delivers the engine's events (a rebuild's thread at
     * start, then the outbound thread), is the one whose reports are held until
     * {@link #flush}; called by it for every event. A thread that only answers (a FIX I/O
     * thread, the lookup of older orders) never holds.
     */
    void holdOn() {
        Thread current = Thread.currentThread();
        if (holder != current) {
            holder = current;
        }
    }

    /** Whether the calling thread's messages are held. */
    boolean holds() {
        return Thread.currentThread() == holder;
    }

    /** {@code responder} holds messages of this batch; only the holding thread calls this. */
    void holding(DirectResponder responder) {
        holding.add(responder);
    }

    /** The batch ended: each session's held messages are written, with one write where the socket takes them. */
    void flush() {
        for (DirectResponder responder : holding) {
            responder.writeHeld();
        }
        holding.clear();
    }
}

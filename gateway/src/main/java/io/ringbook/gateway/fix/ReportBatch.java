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
 * order of the sequence numbers is kept ({@link DirectResponder}). Holding pays only when
 * the thread is busy: it holds a batch's reports only if the batch before had at least
 * {@value #HOLD_FROM_COMMANDS} commands. When orders come one at a time (one command per
 * batch), each report is written as it is sent, so a NewOrderSingle's ExecutionReport(New)
 * leaves before the outbound thread builds and stores its fills' reports and feeds the
 * read models (measured: 40-60 us of the serial round trip, docs/PERFORMANCE.md, issue 22,
 * ninth session); in a burst, batches hold many commands and their reports go out together.
 */
final class ReportBatch {

    /** Commands the previous batch must have had for this batch's reports to be held. */
    static final int HOLD_FROM_COMMANDS = 2;

    private final List<DirectResponder> holding = new ArrayList<>();
    private volatile Thread holder;
    /** Commands ended in the current batch, and whether the previous batch had enough to hold this one's; the holder's only. */
    private int commands;
    private boolean busy;

    /**
     * The calling thread, the one that delivers the engine's events (a rebuild's thread at
     * start, then the outbound thread), is the one whose reports are held until
     * {@link #flush} when it is busy; called by it for every event, saying whether the event
     * ends its command. A thread that only answers (a FIX I/O thread, the lookup of older
     * orders) never holds.
     */
    void holdOn(boolean endsCommand) {
        Thread current = Thread.currentThread();
        if (holder != current) {
            holder = current;
            commands = 0; // a rebuild's events at start say nothing of how busy the outbound thread is
        }
        if (endsCommand) {
            commands++;
        }
    }

    /** Whether the calling thread's messages are held: it delivers the events, and the batch before this one was busy. */
    boolean holds() {
        return busy && Thread.currentThread() == holder;
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
        busy = commands >= HOLD_FROM_COMMANDS;
        commands = 0;
    }
}

package io.ringbook.gateway.rest;

/**
 * One session's subscription to one symbol's book: a snapshot, then exactly the updates
 * after it, contiguous, none repeated. The session counts itself among the book's
 * followers, then takes the {@link FrameLog}'s head as the position it follows from, then
 * the snapshot (copied and rendered on the session's own thread while the outbound thread
 * goes on): every update at an earlier position is in the snapshot, and of those from the
 * position on, the ones the snapshot already includes are known by their sequence. Until
 * the snapshot is handed to Jetty the session's reading of the log waits at the book's
 * first update ({@link #sentSequence()} is -1), so no update goes before its snapshot.
 */
final class BookFeed {

    private final long from;
    private volatile long sentSequence = -1;

    BookFeed(long from) {
        this.from = from;
    }

    /** The log position this feed follows from. */
    long from() {
        return from;
    }

    /** On the stream thread: the snapshot, current to {@code sequence}, is on its way. */
    void snapshotSent(long sequence) {
        sentSequence = sequence;
    }

    /** The sequence of the snapshot sent, or -1 while it is not. */
    long sentSequence() {
        return sentSequence;
    }
}

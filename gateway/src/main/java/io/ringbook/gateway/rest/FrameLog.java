package io.ringbook.gateway.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The frames that several stream sessions may follow (book updates, tickers, trades, and
 * executions, which name their account), written once into an append-only ring by the
 * outbound thread and read by the stream thread for every session from that session's own
 * position, as a publication log read by its subscribers: the outbound thread does the same
 * work per event whether one session or thousands follow it. The ring keeps the last
 * {@link #capacity()} entries; a session whose position falls out of it, or further behind
 * the newest entry than its byte bound, is a slow consumer ({@link StreamClient}). So
 * the ring lets go of entries that far behind as it appends (the frames of a quiet hour
 * are not held for nobody, nor copied by collections). Single writer: only the outbound
 * thread appends.
 */
final class FrameLog {

    /** One shared frame: its position in the log, what it belongs to, and the log's bytes up to and including it. */
    record Entry(long position, int channel, int account, long bookSequence, long endBytes, ByteBuffer frame) {
    }

    private final AtomicReferenceArray<Entry> entries;
    private final int mask;
    private final long retainedBytes;
    /** The oldest entry still held: those before it were let go (outbound thread only). */
    private long tail;
    private long writtenBytes;
    private volatile long endBytes;
    private volatile long head;

    /**
     * @param capacity      entries kept at most, a power of two
     * @param retainedBytes how far behind the newest entry an entry is still held: no
     *                      session that far behind is kept ({@link StreamClient#fellBehind})
     */
    FrameLog(int capacity, long retainedBytes) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        entries = new AtomicReferenceArray<>(capacity);
        mask = capacity - 1;
        this.retainedBytes = retainedBytes;
    }

    /** Entries for a session whose byte bound is {@code queueBytes}: about one per 64 bytes of it (a book update is larger). */
    static FrameLog forQueueBytes(long queueBytes) {
        long wanted = Math.max(1024, Math.min(1 << 20, queueBytes / 64));
        return new FrameLog((int) Long.highestOneBit(wanted - 1) << 1, queueBytes);
    }

    int capacity() {
        return mask + 1;
    }

    /** On the outbound thread: appends a rendered frame; {@code account} is 0 unless the frame is one account's. */
    void append(int channel, int account, long bookSequence, String frame) {
        ByteBuffer bytes = ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8));
        long position = head;
        writtenBytes += bytes.remaining();
        entries.set((int) position & mask, new Entry(position, channel, account, bookSequence, writtenBytes, bytes));
        endBytes = writtenBytes;
        head = position + 1;
        letGo(position);
    }

    /** Lets go of the entries no kept session can still need: those further behind than the byte bound (the newest stays). */
    private void letGo(long newest) {
        tail = Math.max(tail, newest + 1 - capacity());
        while (tail < newest) {
            int slot = (int) tail & mask;
            if (entries.get(slot).endBytes() > writtenBytes - retainedBytes) {
                return;
            }
            entries.set(slot, null);
            tail++;
        }
    }

    /** The position the next entry will take: entries below it are readable (if still kept). */
    long head() {
        return head;
    }

    /** Bytes appended since the log began, through the newest entry. */
    long endBytes() {
        return endBytes;
    }

    /** The entry at a position below {@link #head()}, or null if the ring has since reused its slot. */
    Entry entry(long position) {
        Entry entry = entries.get((int) position & mask);
        return entry != null && entry.position() == position ? entry : null;
    }
}

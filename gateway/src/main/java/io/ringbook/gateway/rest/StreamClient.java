package io.ringbook.gateway.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.common.WebSocketSession;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One open stream session: its account and address, the channels it follows (each with
 * the {@link FrameLog} position it follows from, a book with its {@link BookFeed}), its
 * position in the log, the {@link Outbox} of its own frames, the bucket that limits its
 * frames, and when it last sent a frame of any kind. It falls behind, a slow consumer,
 * when its own frames overflow their bound or its position drops out of the log's ring or
 * further behind the log's newest entry than that bound in bytes (every frame of the log
 * counts, followed or not: what a session has yet to pass).
 */
final class StreamClient {

    final WsContext ws;
    final int account;
    final String address;
    final Outbox outbox;
    private final StreamChannels channels;
    private final AtomicLongArray followedFrom;
    private final AtomicReferenceArray<BookFeed> books;
    private final Bucket frames;
    private volatile long lastFrameNanos = System.nanoTime();
    private long framesSeen = -1;
    private int channelCount;
    private boolean released;
    // the stream thread's reading of the log
    private long position;
    private volatile long passedBytes;

    StreamClient(WsContext ws, int account, String address, StreamLimits limits, StreamChannels channels, FrameLog log) {
        this.ws = ws;
        this.account = account;
        this.address = address;
        this.outbox = new Outbox(limits.queueBytes());
        this.channels = channels;
        this.followedFrom = new AtomicLongArray(channels.count());
        for (int channel = 0; channel < channels.count(); channel++) {
            followedFrom.set(channel, -1);
        }
        this.books = new AtomicReferenceArray<>(channels.count());
        this.frames = Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.framesPerSecond())
                .refillGreedy(limits.framesPerSecond(), Duration.ofSeconds(1)).build()).build();
        this.passedBytes = log.endBytes();
        this.position = log.head();
    }

    /** A text frame arrived: the client is alive; false if it sent more frames than its bucket allows. */
    boolean tookFrame() {
        lastFrameNanos = System.nanoTime();
        return frames.tryConsume(1);
    }

    /** On the stream thread: the nanoTime of the client's last frame, protocol pings included. */
    long lastFrameNanos(long now) {
        long seen = InboundFrames.count(ws.session);
        if (seen != framesSeen) {
            framesSeen = seen;
            lastFrameNanos = now;
        }
        return lastFrameNanos;
    }

    void send(String frame) {
        outbox.offer(frame);
    }

    synchronized boolean follows(int channel) {
        return followedFrom.get(channel) >= 0;
    }

    synchronized int channelCount() {
        return channelCount;
    }

    /** Follows a channel from the log's head on (a channel already followed keeps its position). */
    synchronized void follow(int channel, FrameLog log) {
        if (released || followedFrom.get(channel) >= 0) {
            return;
        }
        channels.follow(channel, account);
        channelCount++;
        followedFrom.set(channel, log.head());
    }

    /** Follows a book from the log's head on with a new feed (replacing any earlier one), waiting for its snapshot. */
    synchronized BookFeed followBook(int channel, FrameLog log) {
        follow(channel, log);
        BookFeed feed = new BookFeed(log.head());
        books.set(channel, feed);
        return feed;
    }

    synchronized void unfollow(int channel) {
        if (followedFrom.get(channel) < 0) {
            return;
        }
        books.set(channel, null);
        followedFrom.set(channel, -1);
        channelCount--;
        channels.unfollow(channel, account);
    }

    /** The session is gone: it no longer counts among any channel's followers. */
    synchronized void release() {
        for (int channel = 0; channel < followedFrom.length(); channel++) {
            unfollow(channel);
        }
        released = true;
    }

    /** Bytes waiting for this session: its own frames and the log it has yet to pass. */
    long backlogBytes(FrameLog log) {
        return outbox.queuedBytes() + log.endBytes() - passedBytes;
    }

    /** On the stream thread: whether the session is too far behind to be kept. */
    boolean fellBehind(FrameLog log) {
        return outbox.overflowed() || log.head() - position >= log.capacity() || log.endBytes() - passedBytes > outbox.capacityBytes();
    }

    /**
     * On the stream thread: one pass. The log's head is taken first, so that a channel
     * followed after it (its position at or beyond that head) gets nothing before the
     * answer that confirms it, which is queued before the channel is followed; then the
     * session's own frames; then the log from the session's position, as far as the
     * in-flight window takes, all as one batch.
     */
    void drain(FrameLog log) {
        long head = log.head();
        outbox.begin(((WebSocketSession) ws.session).getCoreSession());
        try {
            if (!outbox.drainQueued()) {
                return;
            }
            long passed = passedBytes;
            while (position < head && outbox.hasRoom()) {
                FrameLog.Entry entry = log.entry(position);
                if (entry == null) {
                    outbox.overflow();
                    break;
                }
                if (!deliver(entry)) {
                    break;
                }
                passed = entry.endBytes();
                position++;
            }
            passedBytes = passed;
        } finally {
            outbox.end();
        }
    }

    /** Writes the entry if the session follows it; false if it must wait for its book's snapshot. */
    private boolean deliver(FrameLog.Entry entry) {
        int channel = entry.channel();
        long from = followedFrom.get(channel);
        if (from < 0 || entry.position() < from || (channel == channels.orders() && entry.account() != account)) {
            return true;
        }
        if (channels.bookSymbol(channel) >= 0) {
            BookFeed feed = books.get(channel);
            if (feed == null || entry.position() < feed.from()) {
                return true;
            }
            long sent = feed.sentSequence();
            if (sent < 0) {
                return false;
            }
            if (entry.bookSequence() <= sent) {
                return true;
            }
        }
        outbox.write(entry.frame());
        return true;
    }
}

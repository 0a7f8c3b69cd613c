package io.ringbook.gateway.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.javalin.websocket.WsContext;

import java.time.Duration;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open stream session: its account and address, its channels (a book channel with
 * its {@link BookFeed}), the {@link Outbox} of frames waiting to go, the bucket that
 * limits its frames, and when it last sent a frame of any kind.
 */
final class StreamClient {

    final WsContext ws;
    final int account;
    final String address;
    final Outbox outbox;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Map<Integer, BookFeed> books = new ConcurrentHashMap<>();
    private final Bucket frames;
    private volatile long lastFrameNanos = System.nanoTime();
    private long framesSeen = -1;

    StreamClient(WsContext ws, int account, String address, StreamLimits limits) {
        this.ws = ws;
        this.account = account;
        this.address = address;
        this.outbox = new Outbox(limits.queueBytes());
        this.frames = Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.framesPerSecond())
                .refillGreedy(limits.framesPerSecond(), Duration.ofSeconds(1)).build()).build();
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

    /** A frame other sessions are sent too, encoded once ({@link Outbox#shared}). */
    void send(ByteBuffer sharedFrame) {
        outbox.offer(sharedFrame);
    }

    boolean subscribed(String channel) {
        return channels.contains(channel);
    }

    int channelCount() {
        return channels.size();
    }

    void subscribe(String channel) {
        channels.add(channel);
    }

    /** A new book feed for the symbol (replacing any earlier one), holding updates until its snapshot is queued. */
    BookFeed subscribeBook(String channel, int symbolId) {
        BookFeed feed = new BookFeed(outbox);
        BookFeed earlier = books.put(symbolId, feed);
        if (earlier != null) {
            earlier.close();
        }
        channels.add(channel);
        return feed;
    }

    void unsubscribe(String channel, int symbolId) {
        channels.remove(channel);
        BookFeed feed = symbolId < 0 ? null : books.remove(symbolId);
        if (feed != null) {
            feed.close();
        }
    }

    /** The symbol's book feed, or null if the client does not follow that book. */
    BookFeed book(int symbolId) {
        return books.get(symbolId);
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsContext;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.marketdata.DepthBook;
import io.ringbook.views.marketdata.TradesView;
import io.ringbook.views.orders.OrderViews;
import io.ringbook.web.HttpJson;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WebSocket streams of API.md ({@code /api/v1/stream}): book (a snapshot, then every
 * level change with its contiguous sequence), ticker (on every book change or trade),
 * trades and executions of the client's own orders. No client can slow the engine: the
 * outbound thread takes no lock a client holds, renders and encodes a frame once and only if
 * someone follows its channel ({@link StreamChannels}), and appends it to the shared
 * {@link FrameLog}, the same work per event for one session or thousands; the stream
 * thread writes each session's frames from its own position in the log. A book snapshot
 * is copied and rendered on the subscribing session's own thread ({@link BookFeed});
 * client frames are rate-limited and channels and sessions capped ({@link StreamLimits});
 * a session's own frames are bounded in bytes ({@link Outbox}), and so is how far it may
 * fall behind the log. A client that falls behind is closed 1008 {@code SLOW_CONSUMER}, one that sends no frame (a
 * protocol-level ping counts) for 60 s ({@link StreamLimits#idleSeconds}) 1001 {@code IDLE_TIMEOUT}; every 15 s each client
 * gets a heartbeat. A refused duplicate clOrdId is not streamed: it names the original
 * order, which it did not touch.
 */
final class StreamHub implements EngineListener, DepthBook.LevelListener, AutoCloseable {

    private static final List<String> CHANNELS = List.of("book", "ticker", "trades", "orders");
    /** The longest client request id echoed back. */
    private static final int MAX_ID_LENGTH = 64;

    private final ReferenceData referenceData;
    private final DepthBook depth;
    private final StreamLimits limits;
    private final StreamFrames frames;
    private final StreamSessions sessions;
    private final StreamChannels channels;
    private final FrameLog log;
    private final Map<String, StreamClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong slowConsumersClosed = new AtomicLong();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-stream");
        thread.setDaemon(true);
        return thread;
    });

    StreamHub(ReferenceData referenceData, DepthBook depth, TradesView trades, OrderViews orders, OrderJson orderJson, StreamLimits limits) {
        this.referenceData = referenceData;
        this.depth = depth;
        this.limits = limits;
        this.frames = new StreamFrames(referenceData, depth, trades, orders, orderJson);
        this.sessions = new StreamSessions(limits);
        this.channels = new StreamChannels(referenceData.symbols().size());
        this.log = FrameLog.forQueueBytes(limits.queueBytes());
        sender.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.MILLISECONDS);
        sender.scheduleAtFixedRate(this::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    /** At the upgrade: whether the key and the address may open one more session. */
    boolean hasRoom(int account, String address) {
        return sessions.hasRoom(account, address);
    }

    void connected(WsContext ws, int account, String address) {
        if (!sessions.open(account, address)) {
            ws.closeSession(1008, "TOO_MANY_SESSIONS");
            return;
        }
        clients.put(ws.sessionId(), new StreamClient(ws, account, address, limits, channels, log));
    }

    void closed(WsContext ws) {
        StreamClient client = clients.remove(ws.sessionId());
        if (client != null) {
            client.release();
            sessions.close(client.account, client.address);
        }
    }

    /** On the session's own thread: subscribe, unsubscribe or ping. */
    void message(WsContext ws, String text) {
        StreamClient client = clients.get(ws.sessionId());
        if (client == null) {
            return;
        }
        if (!client.tookFrame()) {
            client.send(StreamFrames.error("RATE_LIMITED", "at most " + limits.framesPerSecond() + " frames a second", null));
            return;
        }
        JsonNode request;
        try {
            request = HttpJson.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            client.send(StreamFrames.error("MALFORMED_JSON", "frames are JSON objects", null));
            return;
        }
        JsonNode id = request.get("id");
        if (id != null && !id.isNumber() && !(id.isTextual() && id.textValue().length() <= MAX_ID_LENGTH)) {
            client.send(StreamFrames.error("INVALID_FIELD", "id must be a number or a string of at most " + MAX_ID_LENGTH + " characters", null));
            return;
        }
        String op = request.path("op").asText();
        String channel = request.path("channel").asText();
        String symbolName = request.path("symbol").asText(null);
        if (op.equals("ping")) {
            client.send(StreamFrames.pong(id));
            return;
        }
        if (!op.equals("subscribe") && !op.equals("unsubscribe")) {
            client.send(StreamFrames.error("INVALID_FIELD", "op must be subscribe, unsubscribe or ping", id));
            return;
        }
        if (!CHANNELS.contains(channel)) {
            client.send(StreamFrames.error("INVALID_FIELD", "unknown channel '" + ClientText.quote(channel) + "'; channels are "
                    + String.join(", ", CHANNELS), id));
            return;
        }
        SymbolSpec symbol = symbolName == null ? null : referenceData.symbols().find(symbolName).orElse(null);
        boolean needsSymbol = !channel.equals("orders");
        if (needsSymbol && symbol == null) {
            client.send(symbolName == null ? StreamFrames.error("MISSING_FIELD", "channel " + channel + " needs a symbol", id)
                    : StreamFrames.error("UNKNOWN_SYMBOL", "no symbol '" + ClientText.quote(symbolName) + "'", id));
            return;
        }
        int number = switch (channel) {
            case "book" -> channels.book(symbol.id());
            case "ticker" -> channels.ticker(symbol.id());
            case "trades" -> channels.trades(symbol.id());
            default -> channels.orders();
        };
        if (op.equals("unsubscribe")) {
            client.unfollow(number);
            client.send(StreamFrames.ack("unsubscribed", channel, symbolName, id));
        } else if (!client.follows(number) && client.channelCount() >= limits.subscriptionsPerSession()) {
            client.send(StreamFrames.error("TOO_MANY_SUBSCRIPTIONS",
                    "a session follows at most " + limits.subscriptionsPerSession() + " channels", id));
        } else {
            client.send(StreamFrames.ack("subscribed", channel, symbolName, id));
            subscribe(client, number, channel, symbol);
        }
    }

    /** Follows the channel; a book's snapshot and a ticker's current state go first, the log's frames after them. */
    private void subscribe(StreamClient client, int number, String channel, SymbolSpec symbol) {
        switch (channel) {
            case "book" -> {
                BookFeed feed = client.followBook(number, log);
                DepthBook.Snapshot snapshot = depth.snapshot(symbol.id(), StreamFrames.SNAPSHOT_LEVELS);
                client.outbox.offerSnapshot(frames.bookSnapshot(symbol, snapshot), feed, snapshot.sequence());
            }
            case "ticker" -> {
                // counted in first, so that no change after the state rendered here is left out of the log
                client.follow(number, log);
                client.send(frames.ticker(symbol));
            }
            default -> client.follow(number, log);
        }
    }

    /** On the outbound thread: renders each frame once, only if someone follows its channel, and appends it to the log. */
    @Override
    public void onEvent(EngineEvent event) {
        if (clients.isEmpty()) {
            return;
        }
        if (event.type == EventType.ORDER_FILLED && event.liquidity == Liquidity.TAKER) {
            if (channels.followed(channels.trades(event.symbolId))) {
                log.append(channels.trades(event.symbolId), 0, 0, frames.trade(event));
            }
            ticker(event.symbolId);
        }
        if (event.orderId != 0 && event.rejectReason != RejectReason.DUPLICATE_CLORDID && channels.ordersFollowed(event.accountId)) {
            log.append(channels.orders(), event.accountId, 0, frames.execution(event));
        }
    }

    /** On the outbound thread, as the depth book changes a level: the book channel's update and the ticker. */
    @Override
    public void levelChanged(int symbolId, Side side, long price, long qty, long sequence) {
        if (clients.isEmpty()) {
            return;
        }
        if (channels.followed(channels.book(symbolId))) {
            log.append(channels.book(symbolId), 0, sequence, frames.bookUpdate(symbolId, side, price, qty, sequence));
        }
        ticker(symbolId);
    }

    private void ticker(int symbolId) {
        if (channels.followed(channels.ticker(symbolId))) {
            log.append(channels.ticker(symbolId), 0, 0, frames.ticker(referenceData.symbols().get(symbolId)));
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    int sessions() {
        return clients.size();
    }

    /** Sessions closed so far because their queue was full. */
    long slowConsumersClosed() {
        return slowConsumersClosed.get();
    }

    /** The most bytes waiting for any one session (its own frames and the log it has yet to pass): how close the slowest client is to being cut off. */
    long deepestQueueBytes() {
        long deepest = 0;
        for (StreamClient client : clients.values()) {
            deepest = Math.max(deepest, client.backlogBytes(log));
        }
        return deepest;
    }

    /** On the stream thread: sends what is queued, closes clients that fell behind or went silent. */
    private void drain() {
        long now = System.nanoTime();
        for (StreamClient client : clients.values()) {
            if (client.fellBehind(log)) {
                slowConsumersClosed.incrementAndGet();
                close(client, 1008, "SLOW_CONSUMER");
            } else if (now - client.lastFrameNanos(now) > TimeUnit.SECONDS.toNanos(limits.idleSeconds())) {
                close(client, 1001, "IDLE_TIMEOUT");
            } else {
                try {
                    client.drain(log);
                } catch (RuntimeException closing) {
                    // the session closed under the send; a failure must not stop the stream thread for everyone
                    close(client, 1011, "SEND_FAILED");
                }
            }
        }
    }

    private void heartbeat() {
        String beat = frames.heartbeat(System.currentTimeMillis());
        clients.values().forEach(client -> client.send(beat));
    }

    private void close(StreamClient client, int code, String reason) {
        if (clients.remove(client.ws.sessionId()) != null) {
            client.release();
            sessions.close(client.account, client.address);
        }
        client.ws.closeSession(code, reason);
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.marketdata.DepthBook;
import io.ringbook.web.HttpJson;
import org.eclipse.jetty.websocket.api.Callback;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket streams of API.md ({@code /api/v1/stream}): book (a snapshot, then every
 * level change with its contiguous sequence), ticker (on every book change or trade),
 * trades and executions of the client's own orders. The outbound thread only renders
 * and queues: each session has a bounded queue drained by the stream thread, which hands
 * Jetty at most {@value #IN_FLIGHT} frames per session that the socket has not yet
 * taken (Jetty's own queue is unbounded, so without this window a stalled client would
 * hoard memory instead of filling its queue). No client ever slows the engine; a client
 * whose queue fills is closed (1008 SLOW_CONSUMER), one silent for 60 s too (1001
 * IDLE_TIMEOUT); every 15 s each client gets a heartbeat.
 */
final class StreamHub implements EngineListener, AutoCloseable {

    static final int QUEUE = 10_000;
    static final int IN_FLIGHT = 1_024;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ReferenceData referenceData;
    private final DepthBook depth;
    private final TradesView trades;
    private final OrderJson orderJson;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringbook-stream");
        thread.setDaemon(true);
        return thread;
    });

    StreamHub(ReferenceData referenceData, DepthBook depth, TradesView trades) {
        this.referenceData = referenceData;
        this.depth = depth;
        this.trades = trades;
        this.orderJson = new OrderJson(referenceData);
        sender.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.MILLISECONDS);
        sender.scheduleAtFixedRate(this::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    void connected(WsContext ws, int account) {
        clients.put(ws.sessionId(), new Client(ws, account));
    }

    void closed(WsContext ws) {
        clients.remove(ws.sessionId());
    }

    /** A client frame: subscribe, unsubscribe or ping. */
    void message(WsContext ws, String text) {
        Client client = clients.get(ws.sessionId());
        if (client == null) {
            return;
        }
        client.lastFrameNanos = System.nanoTime();
        JsonNode request;
        try {
            request = HttpJson.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            client.queue(error("MALFORMED_JSON", "frames are JSON objects"));
            return;
        }
        String op = request.path("op").asText();
        String channel = request.path("channel").asText();
        String symbolName = request.path("symbol").asText(null);
        if (op.equals("ping")) {
            client.queue(message("pong"));
            return;
        }
        if (!op.equals("subscribe") && !op.equals("unsubscribe")) {
            client.queue(error("INVALID_FIELD", "op must be subscribe, unsubscribe or ping"));
            return;
        }
        SymbolSpec symbol = symbolName == null ? null : referenceData.symbols().find(symbolName).orElse(null);
        boolean needsSymbol = !channel.equals("orders");
        if (!List.of("book", "ticker", "trades", "orders").contains(channel) || (needsSymbol && symbol == null)) {
            client.queue(error(needsSymbol && symbolName != null ? "UNKNOWN_SYMBOL" : "INVALID_FIELD",
                    "channel must be book, ticker or trades with a known symbol, or orders"));
            return;
        }
        String key = channel + (needsSymbol ? ":" + symbol.id() : "");
        ObjectNode ack = message(op.equals("subscribe") ? "subscribed" : "unsubscribed");
        ack.put("channel", channel);
        ack.put("symbol", symbolName);
        synchronized (this) {
            if (op.equals("unsubscribe")) {
                client.channels.remove(key);
                client.queue(ack);
                return;
            }
            client.channels.add(key);
            client.queue(ack);
            if (channel.equals("book")) {
                client.queue(bookSnapshot(symbol));
            } else if (channel.equals("ticker")) {
                client.queue(tickerOf(symbol));
            }
        }
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        if (clients.isEmpty()) {
            return;
        }
        if (event.type == EventType.BOOK_LEVEL) {
            publish("book:" + event.symbolId, bookUpdate(event));
            publishTicker(event.symbolId);
        } else if (event.type == EventType.ORDER_FILLED && event.liquidity == Liquidity.TAKER) {
            publish("trades:" + event.symbolId, trade(event));
            publishTicker(event.symbolId);
        }
        if (event.orderId != 0 && event.type != EventType.BOOK_LEVEL) {
            ObjectNode execution = null;
            for (Client client : clients.values()) {
                if (client.account == event.accountId && client.channels.contains("orders")) {
                    execution = execution == null ? execution(event) : execution;
                    client.queue(execution);
                }
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private void publishTicker(int symbolId) {
        String channel = "ticker:" + symbolId;
        for (Client client : clients.values()) {
            if (client.channels.contains(channel)) {
                publish(channel, tickerOf(referenceData.symbols().get(symbolId)));
                return;
            }
        }
    }

    private ObjectNode tickerOf(SymbolSpec symbol) {
        ObjectNode ticker = message("ticker");
        ticker.setAll(MarketRoutes.ticker(symbol, depth, trades));
        return ticker;
    }

    private void publish(String channel, ObjectNode message) {
        for (Client client : clients.values()) {
            if (client.channels.contains(channel)) {
                client.queue(message);
            }
        }
    }

    int sessions() {
        return clients.size();
    }

    /** The longest outbound queue of any session: how close the slowest client is to being cut off. */
    int deepestQueue() {
        int deepest = 0;
        for (Client client : clients.values()) {
            deepest = Math.max(deepest, client.outbox.size());
        }
        return deepest;
    }

    /** On the stream thread: sends what is queued, closes clients that fell behind or went silent. */
    private void drain() {
        long now = System.nanoTime();
        for (Client client : clients.values()) {
            if (client.slow) {
                close(client, 1008, "SLOW_CONSUMER");
            } else if (now - client.lastFrameNanos > IDLE_NANOS) {
                close(client, 1001, "IDLE_TIMEOUT");
            } else {
                while (client.inFlight.get() < IN_FLIGHT) {
                    String text = client.outbox.poll();
                    if (text == null) {
                        break;
                    }
                    client.inFlight.incrementAndGet();
                    client.ws.session.sendText(text, client.sent);
                }
            }
        }
    }

    private void heartbeat() {
        ObjectNode beat = message("heartbeat");
        beat.put("time", EventTime.iso(System.currentTimeMillis() * 1_000_000L));
        clients.values().forEach(client -> client.queue(beat));
    }

    private void close(Client client, int code, String reason) {
        clients.remove(client.ws.sessionId());
        client.ws.closeSession(code, reason);
    }

    private ObjectNode bookSnapshot(SymbolSpec symbol) {
        ObjectNode book = message("book");
        book.put("symbol", symbol.name());
        book.put("sequence", depth.sequence(symbol.id()));
        book.put("snapshot", true);
        long[] prices = new long[1000];
        long[] quantities = new long[1000];
        for (Side side : Side.values()) {
            ArrayNode levels = book.putArray(side == Side.BUY ? "bids" : "asks");
            int n = depth.depth(symbol.id(), side, prices, quantities);
            for (int i = 0; i < n; i++) {
                levels.addArray().add(symbol.price(prices[i]).toPlainString()).add(symbol.qty(quantities[i]).toPlainString());
            }
        }
        return book;
    }

    private ObjectNode bookUpdate(EngineEvent level) {
        SymbolSpec symbol = referenceData.symbols().get(level.symbolId);
        ObjectNode book = message("book");
        book.put("symbol", symbol.name());
        book.put("sequence", level.bookSequence);
        book.put("snapshot", false);
        ArrayNode changed = JsonNodeFactory.instance.arrayNode();
        changed.addArray().add(symbol.price(level.price).toPlainString()).add(symbol.qty(level.qty).toPlainString());
        book.set(level.side == Side.BUY ? "bids" : "asks", changed);
        book.putArray(level.side == Side.BUY ? "asks" : "bids");
        return book;
    }

    private ObjectNode trade(EngineEvent fill) {
        SymbolSpec symbol = referenceData.symbols().get(fill.symbolId);
        ObjectNode trade = message("trade");
        trade.put("symbol", symbol.name());
        trade.put("tradeId", fill.tradeId);
        trade.put("price", symbol.price(fill.lastPrice).toPlainString());
        trade.put("qty", symbol.qty(fill.lastQty).toPlainString());
        trade.put("takerSide", fill.side.name());
        trade.put("time", EventTime.iso(fill.eventTimeNanos));
        return trade;
    }

    private ObjectNode execution(EngineEvent event) {
        ObjectNode order = orderJson.render(event, event.type == EventType.ORDER_FILLED ? List.of(event) : List.of(), null);
        ObjectNode execution = message("execution");
        execution.setAll(order);
        // "type" names the message here; the order's own type moves to "orderType"
        execution.put("type", "execution");
        execution.set("orderType", order.get("type"));
        execution.put("execType", event.type.name());
        execution.put("execId", event.execId);
        return execution;
    }

    private static ObjectNode message(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static ObjectNode error(String code, String text) {
        ObjectNode error = message("error");
        error.putObject("error").put("code", code).put("message", text);
        return error;
    }

    /** One connected client: its account, channels and the queue of rendered frames waiting to go. */
    private static final class Client {
        private final WsContext ws;
        private final int account;
        private final Set<String> channels = ConcurrentHashMap.newKeySet();
        private final ArrayBlockingQueue<String> outbox = new ArrayBlockingQueue<>(QUEUE);
        private volatile long lastFrameNanos = System.nanoTime();
        private volatile boolean slow;
        /** Frames handed to Jetty that the socket has not taken yet. */
        private final AtomicInteger inFlight = new AtomicInteger();
        private final Callback sent = Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet());

        Client(WsContext ws, int account) {
            this.ws = ws;
            this.account = account;
        }

        void queue(ObjectNode message) {
            if (!outbox.offer(message.toString())) {
                slow = true;
            }
        }
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.marketdata.DepthBook;
import io.ringbook.views.marketdata.TradesView;
import io.ringbook.views.orders.OrderViews;

import java.util.List;

/**
 * The stream's server messages of API.md, rendered to text once per event and shared by
 * every subscriber: book snapshots and updates, tickers, trades, executions, acks and
 * errors.
 */
final class StreamFrames {

    static final int SNAPSHOT_LEVELS = 1000;

    private final ReferenceData referenceData;
    private final DepthBook depth;
    private final TradesView trades;
    private final OrderViews orders;
    private final OrderJson orderJson;

    StreamFrames(ReferenceData referenceData, DepthBook depth, TradesView trades, OrderViews orders, OrderJson orderJson) {
        this.referenceData = referenceData;
        this.depth = depth;
        this.trades = trades;
        this.orders = orders;
        this.orderJson = orderJson;
    }

    String bookSnapshot(SymbolSpec symbol, DepthBook.Snapshot snapshot) {
        ObjectNode book = message("book");
        book.put("symbol", symbol.name());
        book.put("sequence", snapshot.sequence());
        book.put("snapshot", true);
        MarketRoutes.levels(book.putArray("bids"), symbol, snapshot.bidPrices(), snapshot.bidQuantities(), snapshot.bids());
        MarketRoutes.levels(book.putArray("asks"), symbol, snapshot.askPrices(), snapshot.askQuantities(), snapshot.asks());
        return book.toString();
    }

    String bookUpdate(int symbolId, Side side, long price, long qty, long sequence) {
        SymbolSpec symbol = referenceData.symbols().get(symbolId);
        ObjectNode book = message("book");
        book.put("symbol", symbol.name());
        book.put("sequence", sequence);
        book.put("snapshot", false);
        MarketRoutes.levels(book.putArray(side == Side.BUY ? "bids" : "asks"), symbol, new long[] {price}, new long[] {qty}, 1);
        book.putArray(side == Side.BUY ? "asks" : "bids");
        return book.toString();
    }

    String ticker(SymbolSpec symbol) {
        ObjectNode ticker = message("ticker");
        ticker.setAll(MarketRoutes.ticker(symbol, depth, trades));
        return ticker.toString();
    }

    String trade(EngineEvent fill) {
        SymbolSpec symbol = referenceData.symbols().get(fill.symbolId);
        ObjectNode trade = message("trade");
        trade.put("symbol", symbol.name());
        trade.put("tradeId", fill.tradeId);
        trade.put("price", symbol.price(fill.lastPrice).toPlainString());
        trade.put("qty", symbol.qty(fill.lastQty).toPlainString());
        trade.put("takerSide", fill.side.name());
        trade.put("time", EventTime.iso(fill.eventTimeNanos));
        return trade.toString();
    }

    /**
     * An execution of the client's own order. A refused cancel or amend names the order
     * but carries none of its fields: the frame shows the order as the read model last
     * saw it (side, status, times), with the refusal's reason and time.
     */
    String execution(EngineEvent event) {
        EngineEvent shown = event;
        if (event.status == null && (event.type == EventType.CANCEL_REJECTED || event.type == EventType.AMEND_REJECTED)) {
            OrderViews.View known = orders.findKept(event.orderId).filter(view -> view.state().accountId == event.accountId).orElse(null);
            if (known != null) {
                shown = known.state().copy();
                shown.rejectReason = event.rejectReason;
                shown.eventTimeNanos = event.eventTimeNanos;
            }
        }
        ObjectNode order = orderJson.render(shown, event.type == EventType.ORDER_FILLED ? List.of(event) : List.of(), null);
        ObjectNode execution = message("execution");
        execution.setAll(order);
        // "type" names the message here; the order's own type moves to "orderType"
        execution.put("type", "execution");
        execution.set("orderType", order.get("type"));
        execution.put("execType", event.type.name());
        execution.put("execId", event.execId);
        return execution.toString();
    }

    String heartbeat(long epochMillis) {
        return message("heartbeat").put("time", EventTime.iso(epochMillis * 1_000_000L)).toString();
    }

    /** An answer to (un)subscribe, echoing the client's request id if it gave one. */
    static String ack(String type, String channel, String symbol, JsonNode id) {
        return withId(message(type).put("channel", channel).put("symbol", symbol), id).toString();
    }

    static String pong(JsonNode id) {
        return withId(message("pong"), id).toString();
    }

    /** An error, echoing the request id of the frame that caused it (null: none, or the frame could not be read). */
    static String error(String code, String text, JsonNode id) {
        ObjectNode error = withId(message("error"), id);
        error.putObject("error").put("code", code).put("message", text);
        return error.toString();
    }

    private static ObjectNode withId(ObjectNode message, JsonNode id) {
        if (id != null) {
            message.set("id", id);
        }
        return message;
    }

    private static ObjectNode message(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }
}

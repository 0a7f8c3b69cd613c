package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.views.marketdata.DepthBook;
import io.ringbook.views.marketdata.TradesView;
import io.ringbook.web.HttpJson;

import java.math.BigDecimal;
import java.util.List;

/** Public market data and reference routes: book depth, ticker, trades, symbols, server time. */
final class MarketRoutes {

    private final ReferenceData referenceData;
    private final DepthBook depth;
    private final TradesView trades;
    private final RiskStatus risk;

    MarketRoutes(ReferenceData referenceData, DepthBook depth, TradesView trades, RiskStatus risk) {
        this.risk = risk;
        this.referenceData = referenceData;
        this.depth = depth;
        this.trades = trades;
    }

    /** {@code GET /api/v1/ticker/{symbol}}: best bid and ask, last trade, 24 h volume. */
    void ticker(Context ctx) {
        HttpJson.json(ctx, ticker(Http.symbol(referenceData, ctx.pathParam("symbol")), depth, trades));
    }

    /** The ticker of a symbol, as REST answers it and the {@code ticker} stream sends it. */
    static ObjectNode ticker(SymbolSpec symbol, DepthBook depth, TradesView trades) {
        DepthBook.Snapshot top = depth.snapshot(symbol.id(), 1);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("symbol", symbol.name());
        json.put("bidPrice", top.bids() > 0 ? symbol.price(top.bidPrices()[0]).toPlainString() : null);
        json.put("bidQty", top.bids() > 0 ? symbol.qty(top.bidQuantities()[0]).toPlainString() : null);
        json.put("askPrice", top.asks() > 0 ? symbol.price(top.askPrices()[0]).toPlainString() : null);
        json.put("askQty", top.asks() > 0 ? symbol.qty(top.askQuantities()[0]).toPlainString() : null);
        List<TradesView.Trade> last = trades.recent(symbol.id(), 1);
        json.put("lastPrice", last.isEmpty() ? null : symbol.price(last.get(0).price()).toPlainString());
        json.put("lastQty", last.isEmpty() ? null : symbol.qty(last.get(0).qty()).toPlainString());
        json.put("volume24h", symbol.qty(trades.volume24h(symbol.id())).toPlainString());
        json.put("sequence", top.sequence());
        return json;
    }

    /** {@code GET /api/v1/trades/{symbol}?limit=N}: public trades, newest first. */
    void trades(Context ctx) {
        SymbolSpec symbol = Http.symbol(referenceData, ctx.pathParam("symbol"));
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (TradesView.Trade trade : trades.recent(symbol.id(), Http.intParam(ctx, "limit", 100, 1, TradesView.KEPT))) {
            ObjectNode t = json.addObject();
            t.put("tradeId", trade.tradeId());
            t.put("price", symbol.price(trade.price()).toPlainString());
            t.put("qty", symbol.qty(trade.qty()).toPlainString());
            t.put("takerSide", trade.takerSide().name());
            t.put("time", EventTime.iso(trade.timeNanos()));
        }
        HttpJson.json(ctx, json);
    }

    void book(Context ctx) {
        SymbolSpec symbol = Http.symbol(referenceData, ctx.pathParam("symbol"));
        DepthBook.Snapshot snapshot = depth.snapshot(symbol.id(), Http.intParam(ctx, "depth", 10, 1, 1000));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("symbol", symbol.name());
        json.put("sequence", snapshot.sequence());
        levels(json.putArray("bids"), symbol, snapshot.bidPrices(), snapshot.bidQuantities(), snapshot.bids());
        levels(json.putArray("asks"), symbol, snapshot.askPrices(), snapshot.askQuantities(), snapshot.asks());
        HttpJson.json(ctx, json);
    }

    /** Price levels as the contract shows them, {@code [["px","qty"],..]}, best first; shared with the book stream. */
    static void levels(ArrayNode array, SymbolSpec symbol, long[] prices, long[] quantities, int count) {
        for (int i = 0; i < count; i++) {
            array.addArray().add(symbol.price(prices[i]).toPlainString()).add(symbol.qty(quantities[i]).toPlainString());
        }
    }

    void symbols(Context ctx) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (SymbolSpec s : referenceData.symbols().all()) {
            ObjectNode symbol = json.addObject();
            symbol.put("symbol", s.name());
            symbol.put("tickSize", s.tickSize().toPlainString());
            symbol.put("lotSize", s.lotSize().toPlainString());
            symbol.put("makerFee", BigDecimal.valueOf(s.makerFeePpm(), 6).stripTrailingZeros().toPlainString());
            symbol.put("takerFee", BigDecimal.valueOf(s.takerFeePpm(), 6).stripTrailingZeros().toPlainString());
            symbol.put("tradingHours", s.tradingHours().toString());
            symbol.put("halted", risk.halted(s.id()) || risk.breaker(BreakerKind.VOLATILITY, s.id()).state() == BreakerState.OPEN);
        }
        HttpJson.json(ctx, json);
    }

    void time(Context ctx) {
        long nanos = System.currentTimeMillis() * 1_000_000L;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("epochMillis", nanos / 1_000_000L);
        json.put("time", EventTime.iso(nanos));
        HttpJson.json(ctx, json);
    }
}

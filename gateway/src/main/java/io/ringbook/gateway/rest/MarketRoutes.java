package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.marketdata.DepthBook;

import java.math.BigDecimal;

/** Public market data and reference routes: book depth, symbols, server time. */
final class MarketRoutes {

    private final ReferenceData referenceData;
    private final DepthBook depth;

    MarketRoutes(ReferenceData referenceData, DepthBook depth) {
        this.referenceData = referenceData;
        this.depth = depth;
    }

    void book(Context ctx) {
        SymbolSpec symbol = Http.symbol(referenceData, ctx.pathParam("symbol"));
        int levels = Http.intParam(ctx, "depth", 10, 1, 1000);
        long[] prices = new long[levels];
        long[] quantities = new long[levels];
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("symbol", symbol.name());
        json.put("sequence", depth.sequence(symbol.id()));
        for (Side side : Side.values()) {
            ArrayNode array = json.putArray(side == Side.BUY ? "bids" : "asks");
            int n = depth.depth(symbol.id(), side, prices, quantities);
            for (int i = 0; i < n; i++) {
                array.addArray().add(symbol.price(prices[i]).toPlainString()).add(symbol.qty(quantities[i]).toPlainString());
            }
        }
        Http.json(ctx, json);
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
            symbol.put("tradingHours", "24/7");
            symbol.put("halted", false);
        }
        Http.json(ctx, json);
    }

    void time(Context ctx) {
        long nanos = System.currentTimeMillis() * 1_000_000L;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("epochMillis", nanos / 1_000_000L);
        json.put("time", EventTime.iso(nanos));
        Http.json(ctx, json);
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.javalin.http.Context;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.web.HttpJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An order as the contract shows it (API.md, the new-order response): decimals as
 * strings at the symbol's scale, average price at price scale + 8, times in ISO-8601,
 * and a rejected order's {@link RejectText}. Written once, with Jackson's streaming
 * generator: straight into the answer for one order, into a tree where several
 * orders make one answer.
 */
final class OrderJson {

    private final ReferenceData referenceData;
    private final RejectText rejectText;
    private final SymbolUnits units;

    OrderJson(ReferenceData referenceData, RejectText rejectText) {
        this.referenceData = referenceData;
        this.rejectText = rejectText;
        this.units = new SymbolUnits(referenceData.symbols());
    }

    /**
     * The order as a tree, for answers that hold several orders and for stream frames;
     * written by {@link #write}, so both forms are the same JSON.
     *
     * @param state the order's latest event
     * @param fills the fills to show (all of the order's, or only this request's)
     * @param request the original request, to echo a symbol the engine does not know; may be null
     */
    ObjectNode render(EngineEvent state, List<EngineEvent> fills, OrderRequests.NewOrder request) {
        try (TokenBuffer tokens = new TokenBuffer(HttpJson.JSON, false)) {
            write(tokens, state, fills, request);
            return (ObjectNode) HttpJson.JSON.readTree(tokens.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render an order", e);
        }
    }

    /** Answers with the order, written straight from the events with Jackson's streaming generator (no tree, no array of its own). */
    void answer(Context ctx, EngineEvent state, List<EngineEvent> fills, OrderRequests.NewOrder request) {
        HttpJson.rendered(ctx, json -> write(json, state, fills, request));
    }

    private void write(JsonGenerator json, EngineEvent state, List<EngineEvent> fills, OrderRequests.NewOrder request)
            throws IOException {
        SymbolSpec symbol = state.symbolId >= 0 && state.symbolId < referenceData.symbols().size()
                ? referenceData.symbols().get(state.symbolId) : null;
        DecimalUnit tick = symbol == null ? null : units.tick(symbol);
        DecimalUnit lot = symbol == null ? null : units.lot(symbol);
        json.writeStartObject();
        json.writeNumberField("orderId", state.orderId);
        json.writeStringField("clOrdId", state.clOrdId.toString());
        json.writeStringField("account", referenceData.accounts().name(state.accountId));
        json.writeStringField("symbol", symbol != null ? symbol.name() : request == null ? null : ClientText.quote(request.symbolName()));
        json.writeStringField("side", nameOf(state.side));
        json.writeStringField("type", nameOf(state.orderType));
        json.writeStringField("timeInForce", nameOf(state.timeInForce));
        json.writeBooleanField("postOnly", state.postOnly);
        if (symbol == null) {
            json.writeStringField("price", request == null ? null : request.priceText());
            json.writeStringField("qty", request == null ? null : request.qtyText());
        } else {
            json.writeStringField("price", state.price == 0 ? null : tick.text(state.price));
            json.writeStringField("qty", lot.text(state.qty));
        }
        json.writeStringField("status", nameOf(state.status));
        json.writeStringField("filledQty", lot == null ? "0" : lot.text(state.filledQty));
        json.writeStringField("leavesQty", lot == null ? "0" : lot.text(state.leavesQty()));
        json.writeStringField("avgPrice", symbol == null || state.filledQty == 0 ? null
                : symbol.averagePrice(state.filledNotional, state.filledQty).toPlainString());
        json.writeStringField("rejectReason", state.rejectReason == RejectReason.NONE ? null : state.rejectReason.name());
        json.writeStringField("rejectText", rejectText.of(state));
        json.writeStringField("cancelReason", state.cancelReason == CancelReason.NONE ? null : state.cancelReason.name());
        json.writeArrayFieldStart("fills");
        for (EngineEvent fill : fills) {
            json.writeStartObject();
            json.writeNumberField("tradeId", fill.tradeId);
            json.writeStringField("price", tick.text(fill.lastPrice));
            json.writeStringField("qty", lot.text(fill.lastQty));
            json.writeStringField("fee", symbol.notional(fill.fee).stripTrailingZeros().toPlainString());
            json.writeStringField("liquidity", fill.liquidity.name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("createdAt", state.createdTimeNanos == 0 ? null : EventTime.iso(state.createdTimeNanos));
        json.writeStringField("updatedAt", EventTime.iso(state.eventTimeNanos));
        json.writeEndObject();
    }

    /** An enum as the contract spells it; JSON null where the event does not say (a refusal naming no known order). */
    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

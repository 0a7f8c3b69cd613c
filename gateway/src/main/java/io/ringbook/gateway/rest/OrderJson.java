package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;

import java.util.List;

/**
 * An order as the contract shows it (API.md, the new-order response): decimals as
 * strings at the symbol's scale, average price at price scale + 8, times in ISO-8601.
 */
final class OrderJson {

    private final ReferenceData referenceData;

    OrderJson(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /**
     * @param state the order's latest event
     * @param fills the fills to show (all of the order's, or only this request's)
     * @param request the original request, to echo a symbol the engine does not know; may be null
     */
    ObjectNode render(EngineEvent state, List<EngineEvent> fills, OrderRequests.NewOrder request) {
        SymbolSpec symbol = state.symbolId >= 0 && state.symbolId < referenceData.symbols().size()
                ? referenceData.symbols().get(state.symbolId) : null;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("orderId", state.orderId);
        json.put("clOrdId", state.clOrdId.toString());
        json.put("account", referenceData.accounts().name(state.accountId));
        json.put("symbol", symbol != null ? symbol.name() : request == null ? null : request.symbolName());
        json.put("side", nameOf(state.side));
        json.put("type", nameOf(state.orderType));
        json.put("timeInForce", nameOf(state.timeInForce));
        json.put("postOnly", state.postOnly);
        if (symbol == null) {
            json.put("price", request == null ? null : request.priceText());
            json.put("qty", request == null ? null : request.qtyText());
        } else {
            json.put("price", state.price == 0 ? null : symbol.price(state.price).toPlainString());
            json.put("qty", symbol.qty(state.qty).toPlainString());
        }
        json.put("status", nameOf(state.status));
        json.put("filledQty", symbol == null ? "0" : symbol.qty(state.filledQty).toPlainString());
        json.put("leavesQty", symbol == null ? "0" : symbol.qty(state.leavesQty()).toPlainString());
        json.put("avgPrice", symbol == null || state.filledQty == 0 ? null
                : symbol.averagePrice(state.filledNotional, state.filledQty).toPlainString());
        json.put("rejectReason", state.rejectReason == RejectReason.NONE ? null : state.rejectReason.name());
        json.put("cancelReason", state.cancelReason == CancelReason.NONE ? null : state.cancelReason.name());
        ArrayNode fillsJson = json.putArray("fills");
        for (EngineEvent fill : fills) {
            ObjectNode f = fillsJson.addObject();
            f.put("tradeId", fill.tradeId);
            f.put("price", symbol.price(fill.lastPrice).toPlainString());
            f.put("qty", symbol.qty(fill.lastQty).toPlainString());
            f.put("fee", symbol.notional(fill.fee).stripTrailingZeros().toPlainString());
            f.put("liquidity", fill.liquidity.name());
        }
        json.put("createdAt", state.createdTimeNanos == 0 ? null : EventTime.iso(state.createdTimeNanos));
        json.put("updatedAt", EventTime.iso(state.eventTimeNanos));
        return json;
    }

    /** An enum as the contract spells it; JSON null where the event does not say (a refusal naming no known order). */
    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

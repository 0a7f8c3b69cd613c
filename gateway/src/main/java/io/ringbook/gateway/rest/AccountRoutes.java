package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.KillSwitchStatus;
import io.ringbook.engine.limits.RiskStatus;
import io.ringbook.views.orders.EventHistory;
import io.ringbook.views.orders.OrderViews;
import io.ringbook.views.positions.PositionsView;
import io.ringbook.web.HttpJson;
import io.ringbook.web.LimitsDocument;
import io.ringbook.web.PositionJson;
import io.ringbook.web.RiskJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The account's own fills, positions, limits and risk state, from the gateway's read models and the risk engine's board. */
final class AccountRoutes {

    private final ReferenceData referenceData;
    private final ApiKeys keys;
    private final OrderViews orders;
    private final PositionsView positions;
    private final RiskStatus risk;
    private final Supplier<EventHistory> history;

    AccountRoutes(ReferenceData referenceData, ApiKeys keys, OrderViews orders, PositionsView positions, RiskStatus risk,
                  Supplier<EventHistory> history) {
        this.referenceData = referenceData;
        this.history = history;
        this.keys = keys;
        this.orders = orders;
        this.positions = positions;
        this.risk = risk;
    }

    /**
     * {@code GET /api/v1/account}: the account's limits (the admin API's shape), what it
     * uses of them, its kill switch (or the global one, whichever blocks it) and its own
     * breakers.
     */
    void account(Context ctx) {
        int account = keys.accountOf(ctx);
        Map<String, Object> json = new LinkedHashMap<>();
        String name = referenceData.accounts().name(account);
        json.put("account", name);
        Map<String, Object> limits = LimitsDocument.toJson(name, risk.limits(account), referenceData.symbols());
        limits.remove("account");
        json.put("limits", limits);
        Map<String, Object> usage = new LinkedHashMap<>();
        Map<String, Object> bySymbol = new LinkedHashMap<>();
        Map<String, Object> held = new LinkedHashMap<>();
        int[] openBySymbol = new int[referenceData.symbols().size()];
        List<OrderViews.View> open = orders.list(account, OrderViews.OPEN, state -> true, Integer.MAX_VALUE);
        open.forEach(order -> openBySymbol[order.state().symbolId]++);
        for (SymbolSpec symbol : referenceData.symbols().all()) {
            if (openBySymbol[symbol.id()] > 0) {
                bySymbol.put(symbol.name(), openBySymbol[symbol.id()]);
            }
            long qty = positions.position(account, symbol.id())[0];
            if (qty != 0) {
                held.put(symbol.name(), symbol.qty(qty).toPlainString());
            }
        }
        usage.put("openOrders", open.size());
        usage.put("openOrdersBySymbol", bySymbol);
        usage.put("positions", held);
        usage.put("selfTradeCancels", risk.selfTradeCancels(account));
        json.put("usage", usage);
        KillSwitchStatus own = risk.killSwitch(account);
        json.put("killSwitch", RiskJson.killSwitch(own.active() ? own : risk.killSwitch(-1), referenceData));
        List<Map<String, Object>> breakers = new ArrayList<>();
        for (BreakerKind kind : BreakerKind.values()) {
            if (kind.perAccount()) {
                breakers.add(RiskJson.breaker(risk.breaker(kind, account), referenceData));
            }
        }
        json.put("breakers", breakers);
        HttpJson.json(ctx, json);
    }

    /**
     * {@code GET /api/v1/fills?symbol=S&limit=N}, newest first; with {@code from}, {@code to}
     * or {@code fromId}, a page of the journal's history ({@link HistoryQuery}).
     */
    void fills(Context ctx) {
        int account = keys.accountOf(ctx);
        String symbolName = ctx.queryParam("symbol");
        int symbolId = symbolName == null ? -1 : Http.symbol(referenceData, symbolName).id();
        HistoryQuery history = HistoryQuery.of(ctx, account, symbolId);
        List<EngineEvent> fills = history != null ? history.fills(this.history.get())
                : orders.fills(account, f -> symbolId < 0 || f.symbolId == symbolId, Http.intParam(ctx, "limit", 100, 1, 1000));
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (EngineEvent fill : fills) {
            SymbolSpec symbol = referenceData.symbols().get(fill.symbolId);
            ObjectNode f = json.addObject();
            f.put("tradeId", fill.tradeId);
            f.put("orderId", fill.orderId);
            f.put("clOrdId", fill.clOrdId.toString());
            f.put("symbol", symbol.name());
            f.put("side", fill.side.name());
            f.put("price", symbol.price(fill.lastPrice).toPlainString());
            f.put("qty", symbol.qty(fill.lastQty).toPlainString());
            f.put("fee", symbol.notional(fill.fee).stripTrailingZeros().toPlainString());
            f.put("liquidity", fill.liquidity.name());
            f.put("time", EventTime.iso(fill.eventTimeNanos));
        }
        HttpJson.json(ctx, json);
    }

    /** {@code GET /api/v1/positions}: every symbol the account has traded. */
    void positions(Context ctx) {
        HttpJson.json(ctx, PositionJson.rows(positions::position, referenceData, keys.accountOf(ctx)));
    }
}

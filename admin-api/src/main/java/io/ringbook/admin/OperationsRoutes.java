package io.ringbook.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.views.orders.OrderViews;
import io.ringbook.views.positions.PositionsView;
import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.JournalStatus;
import io.ringbook.journal.codec.RecordType;
import io.ringbook.web.ApiException;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;
import io.ringbook.web.LimitsDocument;
import io.ringbook.web.PositionJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What operators look at and do beyond risk: latency per stage, all positions, a
 * symbol's full book with its orders, the journal's state, snapshots on demand and the
 * audit trail, read from the journal itself.
 */
final class OperationsRoutes {

    private static final int MAX_LIMIT = 1_000;

    private final ReferenceData data;
    private final Path dataDir;
    private final EngineDoor engine;
    private final StageLatency latency;
    private final PositionsView positions;
    private final OrderViews openOrders;
    private volatile JournalStatus journal;

    OperationsRoutes(ReferenceData data, Path dataDir, EngineDoor engine, StageLatency latency, PositionsView positions,
                     OrderViews orders) {
        this.data = data;
        this.dataDir = dataDir;
        this.engine = engine;
        this.latency = latency;
        this.positions = positions;
        this.openOrders = orders;
    }

    void journalReady(JournalStatus status) {
        this.journal = status;
    }

    void latency(Context ctx) {
        HttpJson.json(ctx, latency.report());
    }

    void resetLatency(Context ctx) {
        AuditLog.record(ctx, "reset-latency", "*");
        latency.reset();
        HttpJson.json(ctx, latency.report());
    }

    void positions(Context ctx) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int account = 0; account < data.accounts().size(); account++) {
            for (Map<String, Object> row : PositionJson.rows(positions::position, data, account)) {
                Map<String, Object> withAccount = new LinkedHashMap<>();
                withAccount.put("account", data.accounts().name(account));
                withAccount.putAll(row);
                all.add(withAccount);
            }
        }
        HttpJson.json(ctx, all);
    }

    /** {@code GET /admin/v1/book/{symbol}?limit=N}: every open order of both sides, best first, in time priority. */
    void book(Context ctx) {
        SymbolSpec symbol = data.symbols().find(ctx.pathParam("symbol"))
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_SYMBOL", "no symbol " + ClientText.quote(ctx.pathParam("symbol"))));
        int limit = limit(ctx);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", symbol.name());
        json.put("bids", orders(symbol, Side.BUY, limit));
        json.put("asks", orders(symbol, Side.SELL, limit));
        HttpJson.json(ctx, json);
    }

    void journal(Context ctx) {
        JournalStatus status = journal;
        if (status == null) {
            throw new ApiException(503, "UNAVAILABLE", "the engine is recovering; retry");
        }
        HttpJson.json(ctx, status.report());
    }

    void snapshot(Context ctx) {
        AuditLog.record(ctx, "snapshot", "*");
        HttpJson.answer(ctx, engine.submit(Command::snapshot), events -> {
            EngineEvent taken = events.get(0);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", taken.sequence);
            json.put("journalSequence", taken.sequence);
            json.put("time", EventTime.iso(taken.eventTimeNanos));
            HttpJson.json(ctx, json);
        });
    }

    /** {@code GET /admin/v1/audit?from=&to=&account=&type=&limit=}: journal records, oldest first, in [from, to). */
    void audit(Context ctx) {
        long from = time(ctx, "from", Long.MIN_VALUE);
        long to = time(ctx, "to", Long.MAX_VALUE);
        String account = ctx.queryParam("account");
        if (account != null && data.accounts().find(account).isEmpty()) {
            throw new ApiException(404, "NOT_FOUND", "no account " + ClientText.quote(account));
        }
        RecordType type = null;
        if (ctx.queryParam("type") != null) {
            try {
                type = RecordType.parse(ctx.queryParam("type"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_FIELD", "type must be a journal record type, e.g. NEW_ORDER, ORDER_FILLED");
            }
        }
        List<JsonNode> records = new ArrayList<>();
        JournalQuery.run(dataDir, new JournalQuery.Filter(from, to, type, account), limit(ctx), LimitsDocument::toJson, line -> {
            try {
                records.add(HttpJson.JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        HttpJson.json(ctx, records);
    }

    private List<Map<String, Object>> orders(SymbolSpec symbol, Side side, int limit) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (EngineEvent order : openOrders.openOrders(symbol.id(), side, limit)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("orderId", order.orderId);
            json.put("account", data.accounts().name(order.accountId));
            json.put("clOrdId", order.clOrdId.toString());
            json.put("price", symbol.price(order.price).toPlainString());
            json.put("leavesQty", symbol.qty(order.qty - order.filledQty).toPlainString());
            json.put("qty", symbol.qty(order.qty).toPlainString());
            json.put("timeInForce", order.timeInForce.name());
            json.put("createdAt", EventTime.iso(order.createdTimeNanos));
            orders.add(json);
        }
        return orders;
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        try {
            int limit = text == null ? 100 : Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_FIELD", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static long time(Context ctx, String name, long absent) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        try {
            return EventTime.parse(text);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("INVALID_FIELD", name + " must be ISO-8601 UTC, e.g. 2026-11-23T10:00:00Z");
        }
    }
}

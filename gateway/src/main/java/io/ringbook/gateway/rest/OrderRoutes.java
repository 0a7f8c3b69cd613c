package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.orders.EventHistory;
import io.ringbook.views.orders.OrderViews;
import io.ringbook.web.ApiException;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The order routes of API.md: place, amend, cancel, mass cancel, cancel-all-after, and
 * queries by orderId, by clOrdId and by status. Every change is published to the engine
 * and answered from its decision; queries read the {@link OrderViews} read model.
 */
final class OrderRoutes {

    private final ReferenceData referenceData;
    private final ApiKeys keys;
    private final OrderViews orders;
    private final OrderRequests requests;
    private final OrderJson orderJson;
    private final EngineDoor publisher;
    private final PendingOrders pending = new PendingOrders();
    private final PlacedRequests placed = new PlacedRequests();
    private final Supplier<EventHistory> history;

    OrderRoutes(ReferenceData referenceData, ApiKeys keys, OrderViews orders, OrderJson orderJson, EngineDoor publisher,
                Supplier<EventHistory> history) {
        this.history = history;
        this.referenceData = referenceData;
        this.keys = keys;
        this.orders = orders;
        this.requests = new OrderRequests(referenceData.symbols());
        this.orderJson = orderJson;
        this.publisher = publisher;
    }

    void place(Context ctx) {
        int account = keys.accountOf(ctx);
        OrderRequests.NewOrder order = requests.parse(HttpJson.jsonBody(ctx));
        HttpJson.answer(ctx, pending.track(account, order.clOrdId(), () -> publisher.submit(slot -> order.writeTo(slot, account))
                .whenComplete((events, failure) -> rememberIfPlaced(events, order))), events -> {
            EngineEvent first = events.get(0);
            if (first.rejectReason == RejectReason.DUPLICATE_CLORDID) {
                resent(ctx, order, first.orderId);
                return;
            }
            ctx.status(first.type == EventType.ORDER_REJECTED ? 422 : 201);
            orderJson.answer(ctx, Http.latest(events, first.orderId), Http.fillsOf(events, first.orderId), order);
        });
    }

    /**
     * Keeps what the client sent for an order the engine rejected, as soon as it has decided
     * and however long after the HTTP answer gave up waiting (a 504), so that a resend is
     * compared with it: an unknown symbol's name is not in the engine's events. An accepted
     * order's resend is compared with the order as the engine first reported it, which
     * holds every field of the request in the symbol's units (exact, as off-tick prices and
     * off-lot quantities are refused): nothing is kept for it, so that the requests of the
     * newest 65,536 orders are not objects that every young collection copies.
     */
    private void rememberIfPlaced(List<EngineEvent> events, OrderRequests.NewOrder order) {
        if (events != null && !events.isEmpty() && events.get(0).rejectReason != RejectReason.DUPLICATE_CLORDID
                && (events.get(0).type == EventType.ORDER_REJECTED || order.symbol().isEmpty())) {
            placed.remember(events.get(0).orderId, order);
        }
    }

    /**
     * A clOrdId the account used today: the original order as it is now (200) if this is a
     * resend of it, else 409. An order rejected here is compared with what its client sent;
     * any other with the order as the engine first reported it, before any amend (one
     * rejected by FIX, or here before a restart, for an unknown symbol: that name is not in
     * it, so such a resend is a conflict).
     */
    private void resent(Context ctx, OrderRequests.NewOrder order, long originalOrderId) {
        OrderViews.View original = orders.find(originalOrderId)
                .orElseThrow(() -> new ApiException(409, "DUPLICATE_CLORDID", "clOrdId " + order.clOrdId() + " was used today"));
        Optional<OrderRequests.NewOrder> first = placed.of(originalOrderId);
        if (first.isPresent() ? !order.sameAs(first.get()) : !order.sameAs(original.original())) {
            throw new ApiException(409, "DUPLICATE_CLORDID", "clOrdId " + order.clOrdId() + " was used today for order "
                    + originalOrderId + " with another body");
        }
        orderJson.answer(ctx, original.state(), original.fills(), first.orElse(order));
    }

    void get(Context ctx) {
        OrderViews.View view = ownOrder(ctx, keys.accountOf(ctx));
        orderJson.answer(ctx, view.state(), view.fills(), null);
    }

    /**
     * {@code ?clOrdId=X}: that order, or 202 {@code PENDING} while a request with it is in
     * flight; with {@code from}, {@code to} or {@code fromId}, a page of the journal's
     * history ({@link HistoryQuery}); otherwise the account's orders by status and symbol,
     * newest first.
     */
    void query(Context ctx) {
        int account = keys.accountOf(ctx);
        String clOrdId = ctx.queryParam("clOrdId");
        if (clOrdId != null) {
            // in flight is read first: a decided order is in the read model before it stops being in flight
            boolean inFlight = pending.inFlight(account, clOrdId);
            OrderViews.View view = orders.findByClOrdId(account, clOrdId).orElse(null);
            if (view != null) {
                orderJson.answer(ctx, view.state(), view.fills(), null);
            } else if (inFlight) {
                ctx.status(202);
                HttpJson.json(ctx, JsonNodeFactory.instance.objectNode().put("clOrdId", clOrdId).put("status", "PENDING"));
            } else {
                throw new ApiException(404, "UNKNOWN_ORDER", "no order with clOrdId " + ClientText.quote(clOrdId));
            }
            return;
        }
        Set<OrderStatus> statuses = statuses(ctx.queryParam("status"));
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        String symbolName = ctx.queryParam("symbol");
        HistoryQuery older = HistoryQuery.of(ctx, account, symbolName == null ? -1 : Http.symbol(referenceData, symbolName).id());
        if (older != null) {
            if (!statuses.isEmpty()) {
                throw ApiException.badRequest("INVALID_FIELD", "status does not combine with from, to or fromId: history lists orders"
                        + " by when they were placed, whatever became of them");
            }
            for (HistoryQuery.Order order : older.orders(history.get())) {
                json.add(orderJson.render(order.state(), order.fills(), null));
            }
            HttpJson.json(ctx, json);
            return;
        }
        for (OrderViews.View view : orders.list(account, statuses, symbolFilter(ctx), Http.intParam(ctx, "limit", 100, 1, 1000))) {
            json.add(orderJson.render(view.state(), view.fills(), null));
        }
        HttpJson.json(ctx, json);
    }

    void amend(Context ctx) {
        int account = keys.accountOf(ctx);
        OrderViews.View view = openOwnOrder(ctx, account, "TOO_LATE_TO_AMEND");
        long orderId = view.state().orderId;
        OrderRequests.Amend amend = requests.parseAmend(HttpJson.jsonBody(ctx), referenceData.symbols().get(view.state().symbolId));
        HttpJson.answer(ctx, publisher.submit(slot -> slot.amend(account, orderId, amend.priceTicks(), amend.qtyLots())), events -> {
            EngineEvent outcome = events.get(0);
            if (outcome.type == EventType.AMEND_REJECTED) {
                refuse(outcome, orderId, "TOO_LATE_TO_AMEND");
                ctx.status(422);
            }
            orderJson.answer(ctx, Http.latest(events, orderId), Http.fillsOf(events, orderId), null);
        });
    }

    void cancel(Context ctx) {
        int account = keys.accountOf(ctx);
        long orderId = openOwnOrder(ctx, account, "TOO_LATE_TO_CANCEL").state().orderId;
        HttpJson.answer(ctx, publisher.submit(slot -> slot.cancel(account, orderId)), events -> {
            EngineEvent outcome = events.get(0);
            if (outcome.type == EventType.CANCEL_REJECTED) {
                refuse(outcome, orderId, "TOO_LATE_TO_CANCEL");
            }
            orderJson.answer(ctx, outcome, orders.find(orderId).map(OrderViews.View::fills).orElse(List.of()), null);
        });
    }

    /**
     * {@code DELETE /api/v1/orders} with its scope named: {@code ?clOrdId=X} cancels the
     * live order whose current clOrdId is X (whatever day it was placed);
     * {@code ?symbol=S} or {@code ?all=true} cancels the account's open orders of one
     * symbol or of all, answered in orderId order. Without a scope it is 400: a typo must
     * never turn into a mass cancel.
     */
    void cancelByQuery(Context ctx) {
        int account = keys.accountOf(ctx);
        String clOrdId = ctx.queryParam("clOrdId");
        String symbolName = ctx.queryParam("symbol");
        String all = ctx.queryParam("all");
        int scopes = (clOrdId != null ? 1 : 0) + (symbolName != null ? 1 : 0) + (all != null ? 1 : 0);
        if (scopes == 0) {
            throw ApiException.badRequest("MISSING_FIELD",
                    "name what to cancel: ?clOrdId=X for one order, ?symbol=S or ?all=true for all open orders of a symbol or of every symbol");
        }
        if (scopes > 1) {
            throw ApiException.badRequest("INVALID_FIELD", "give one of clOrdId, symbol or all=true");
        }
        if (all != null && !all.equals("true")) {
            throw ApiException.badRequest("INVALID_FIELD", "all must be true: ?all=true cancels the open orders of every symbol");
        }
        if (clOrdId != null) {
            cancelByClOrdId(ctx, account, clOrdId);
        } else {
            massCancel(ctx, account, symbolName == null ? -1 : Http.symbol(referenceData, symbolName).id());
        }
    }

    private void cancelByClOrdId(Context ctx, int account, String clOrdId) {
        if (!new ClOrdId().set(clOrdId)) {
            throw ApiException.badRequest("INVALID_CLORDID", "clOrdId must be 1-36 printable ASCII characters");
        }
        HttpJson.answer(ctx, publisher.submit(slot -> {
            slot.cancel(account, 0);
            slot.origClOrdId.set(clOrdId);
        }), events -> {
            EngineEvent outcome = events.get(0);
            if (outcome.type == EventType.CANCEL_REJECTED) {
                if (outcome.rejectReason == RejectReason.UNKNOWN_ORDER) {
                    throw new ApiException(404, "UNKNOWN_ORDER", "no live order with clOrdId " + ClientText.quote(clOrdId));
                }
                refuse(outcome, outcome.orderId, "TOO_LATE_TO_CANCEL");
            }
            orderJson.answer(ctx, outcome, orders.find(outcome.orderId).map(OrderViews.View::fills).orElse(List.of()), null);
        });
    }

    private void massCancel(Context ctx, int account, int symbol) {
        HttpJson.answer(ctx, publisher.submit(slot -> slot.massCancel(account, symbol)), events -> {
            ArrayNode json = JsonNodeFactory.instance.arrayNode();
            for (EngineEvent event : events) {
                if (event.type == EventType.ORDER_CANCELED) {
                    json.add(orderJson.render(event, orders.find(event.orderId).map(OrderViews.View::fills).orElse(List.of()), null));
                }
            }
            HttpJson.json(ctx, json);
        });
    }

    /** Arms the dead-man's switch ({@code {"timeoutMs":N}}, 0 disarms); answers {@code {"timeoutMs","deadline"}}. */
    void cancelAllAfter(Context ctx) {
        int account = keys.accountOf(ctx);
        long timeoutNanos = requests.parseCancelAllAfter(HttpJson.jsonBody(ctx));
        HttpJson.answer(ctx, publisher.submit(slot -> slot.cancelAllAfter(account, timeoutNanos)), events -> {
            EngineEvent set = events.get(0);
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("timeoutMs", timeoutNanos / 1_000_000L);
            json.put("deadline", set.expireTimeNanos == 0 ? null : EventTime.iso(set.expireTimeNanos));
            HttpJson.json(ctx, json);
        });
    }

    /** Answers a refused cancel or amend; {@code tooLate} is the code for an order already done. */
    private static void refuse(EngineEvent outcome, long orderId, String tooLate) {
        RejectReason reason = outcome.rejectReason;
        switch (reason) {
            case TOO_LATE_TO_CANCEL -> throw new ApiException(409, tooLate, "order " + orderId + " is already done");
            case UNKNOWN_ORDER -> throw new ApiException(404, "UNKNOWN_ORDER", "no open order " + orderId);
            case INVALID_QTY -> throw ApiException.badRequest("INVALID_QTY", "the new qty must exceed what has filled");
            case INVALID_ORDER -> throw ApiException.badRequest("INVALID_ORDER", "the engine refused the request as malformed");
            default -> {
                // a business reject: 422 with the unchanged order and its reason
            }
        }
    }

    private OrderViews.View ownOrder(Context ctx, int account) {
        long orderId;
        try {
            orderId = Long.parseLong(ctx.pathParam("orderId"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_FIELD", "orderId must be a number");
        }
        return orders.find(orderId).filter(view -> view.state().accountId == account)
                .orElseThrow(() -> new ApiException(404, "UNKNOWN_ORDER", "no order " + orderId));
    }

    /** The account's order named by the path, if still open; else 409 with {@code tooLate}. */
    private OrderViews.View openOwnOrder(Context ctx, int account, String tooLate) {
        OrderViews.View view = ownOrder(ctx, account);
        if (!view.state().status.isOpen()) {
            throw new ApiException(409, tooLate, "order " + view.state().orderId + " is " + view.state().status);
        }
        return view;
    }

    private Predicate<EngineEvent> symbolFilter(Context ctx) {
        String name = ctx.queryParam("symbol");
        if (name == null) {
            return state -> true;
        }
        int id = Http.symbol(referenceData, name).id();
        return state -> state.symbolId == id;
    }

    /** {@code ?status=}: none for any status, {@code OPEN} for NEW and PARTIALLY_FILLED, or one status by name. */
    private static Set<OrderStatus> statuses(String status) {
        if (status == null) {
            return Set.of();
        }
        String wanted = status.toUpperCase(Locale.ROOT);
        if (wanted.equals("OPEN")) {
            return OrderViews.OPEN;
        }
        try {
            return Set.of(OrderStatus.valueOf(wanted));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", "status must be OPEN or an order status, not " + ClientText.quote(status));
        }
    }
}

package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ringbook.engine.domain.ClientText;
import io.ringbook.engine.domain.EventTime;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.web.ApiException;
import io.ringbook.web.EngineDoor;
import io.ringbook.web.HttpJson;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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

    OrderRoutes(ReferenceData referenceData, ApiKeys keys, OrderViews orders, EngineDoor publisher) {
        this.referenceData = referenceData;
        this.keys = keys;
        this.orders = orders;
        this.requests = new OrderRequests(referenceData.symbols());
        this.orderJson = new OrderJson(referenceData);
        this.publisher = publisher;
    }

    void place(Context ctx) {
        int account = keys.accountOf(ctx);
        OrderRequests.NewOrder order = requests.parse(HttpJson.jsonBody(ctx));
        HttpJson.answer(ctx, pending.track(account, order.clOrdId(), () -> publisher.submit(slot -> order.writeTo(slot, account))), events -> {
            EngineEvent first = events.get(0);
            if (first.rejectReason == RejectReason.DUPLICATE_CLORDID) {
                resent(ctx, order, first.orderId);
                return;
            }
            orders.rememberRequest(first.orderId, order);
            ctx.status(first.type == EventType.ORDER_REJECTED ? 422 : 201);
            HttpJson.json(ctx, orderJson.render(Http.latest(events, first.orderId), Http.fillsOf(events, first.orderId), order));
        });
    }

    /**
     * A clOrdId the account used today: the original order as it is now (200) if this is a
     * resend of it, else 409. An order placed here is compared with what its client sent
     * (so an amend since does not turn a resend into a conflict); one placed by FIX, with
     * the order as the engine first reported it.
     */
    private void resent(Context ctx, OrderRequests.NewOrder order, long originalOrderId) {
        OrderViews.View original = orders.find(originalOrderId)
                .orElseThrow(() -> new ApiException(409, "DUPLICATE_CLORDID", "clOrdId " + order.clOrdId() + " was used today"));
        Optional<OrderRequests.NewOrder> first = orders.requestOf(originalOrderId);
        if (first.isPresent() ? !order.sameAs(first.get()) : !order.sameAs(original.original())) {
            throw new ApiException(409, "DUPLICATE_CLORDID", "clOrdId " + order.clOrdId() + " was used today for order "
                    + originalOrderId + " with another body");
        }
        HttpJson.json(ctx, orderJson.render(original.state(), original.fills(), first.orElse(order)));
    }

    void get(Context ctx) {
        OrderViews.View view = ownOrder(ctx, keys.accountOf(ctx));
        HttpJson.json(ctx, orderJson.render(view.state(), view.fills(), null));
    }

    /**
     * {@code ?clOrdId=X}: that order, or 202 {@code PENDING} while a request with it is in
     * flight; otherwise the account's orders by status and symbol, newest first.
     */
    void query(Context ctx) {
        int account = keys.accountOf(ctx);
        String clOrdId = ctx.queryParam("clOrdId");
        if (clOrdId != null) {
            // in flight is read first: a decided order is in the read model before it stops being in flight
            boolean inFlight = pending.inFlight(account, clOrdId);
            OrderViews.View view = orders.findByClOrdId(account, clOrdId).orElse(null);
            if (view != null) {
                HttpJson.json(ctx, orderJson.render(view.state(), view.fills(), null));
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
        for (OrderViews.View view : orders.list(account, statuses, symbolFilter(ctx), Http.intParam(ctx, "limit", 100, 1, 1000))) {
            json.add(orderJson.render(view.state(), view.fills(), null));
        }
        HttpJson.json(ctx, json);
    }

    void amend(Context ctx) {
        int account = keys.accountOf(ctx);
        OrderViews.View view = openOwnOrder(ctx, account);
        long orderId = view.state().orderId;
        OrderRequests.Amend amend = requests.parseAmend(HttpJson.jsonBody(ctx), referenceData.symbols().get(view.state().symbolId));
        HttpJson.answer(ctx, publisher.submit(slot -> slot.amend(account, orderId, amend.priceTicks(), amend.qtyLots())), events -> {
            EngineEvent outcome = events.get(0);
            if (outcome.type == EventType.AMEND_REJECTED) {
                refuse(outcome, orderId);
                ctx.status(422);
            }
            HttpJson.json(ctx, orderJson.render(Http.latest(events, orderId), Http.fillsOf(events, orderId), null));
        });
    }

    void cancel(Context ctx) {
        int account = keys.accountOf(ctx);
        long orderId = openOwnOrder(ctx, account).state().orderId;
        HttpJson.answer(ctx, publisher.submit(slot -> slot.cancel(account, orderId)), events -> {
            EngineEvent outcome = events.get(0);
            if (outcome.type == EventType.CANCEL_REJECTED) {
                refuse(outcome, orderId);
            }
            HttpJson.json(ctx, orderJson.render(outcome, orders.find(orderId).map(OrderViews.View::fills).orElse(List.of()), null));
        });
    }

    /** Cancels the account's open orders (on one symbol with {@code ?symbol=}); answers them in orderId order. */
    void cancelAll(Context ctx) {
        int account = keys.accountOf(ctx);
        String symbolName = ctx.queryParam("symbol");
        int symbol = symbolName == null ? -1 : Http.symbol(referenceData, symbolName).id();
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

    private static void refuse(EngineEvent outcome, long orderId) {
        RejectReason reason = outcome.rejectReason;
        switch (reason) {
            case TOO_LATE_TO_CANCEL -> throw new ApiException(409, "TOO_LATE_TO_CANCEL", "order " + orderId + " is already done");
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

    private OrderViews.View openOwnOrder(Context ctx, int account) {
        OrderViews.View view = ownOrder(ctx, account);
        if (!view.state().status.isOpen()) {
            throw new ApiException(409, "TOO_LATE_TO_CANCEL", "order " + view.state().orderId + " is " + view.state().status);
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

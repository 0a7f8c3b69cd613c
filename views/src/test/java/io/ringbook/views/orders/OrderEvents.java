package io.ringbook.views.orders;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;

/** Order events for the read-model tests: a buy of account 0, a fill of 1 at 100 as taker; each test numbers them its own way. */
final class OrderEvents {

    private OrderEvents() {
    }

    /** An event of the order with its ids and times set as given; {@code tradeId} counts only for a fill. */
    static EngineEvent order(long orderId, String clOrdId, EventType type, OrderStatus status, long execId, long tradeId,
                             long eventTimeNanos) {
        EngineEvent event = new EngineEvent();
        event.type = type;
        event.orderId = orderId;
        event.execId = execId;
        event.side = Side.BUY;
        event.status = status;
        event.rejectReason = RejectReason.NONE;
        event.eventTimeNanos = eventTimeNanos;
        event.clOrdId.set(clOrdId);
        if (type == EventType.ORDER_FILLED) {
            event.tradeId = tradeId;
            event.lastQty = 1;
            event.lastPrice = 100;
            event.liquidity = Liquidity.TAKER;
        }
        return event;
    }
}

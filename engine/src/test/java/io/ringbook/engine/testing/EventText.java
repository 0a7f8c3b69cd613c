package io.ringbook.engine.testing;

import io.ringbook.engine.event.EngineEvent;

import java.util.List;

/**
 * Events as short sentences, so a matching rule reads as one list comparison:
 * {@code "accepted #1 A0 BUY 5@100"}, {@code "fill #2 2@99 TAKER 2/5"},
 * {@code "level SELL 99 -> 0"}.
 */
public final class EventText {

    private EventText() {
    }

    public static List<String> of(List<EngineEvent> events) {
        return events.stream().map(EventText::of).toList();
    }

    public static String of(EngineEvent e) {
        return switch (e.type) {
            case ORDER_ACCEPTED -> "accepted #" + e.orderId + " A" + e.accountId + " " + e.side + " " + e.qty + "@" + e.price;
            case ORDER_REJECTED -> "rejected #" + e.orderId + " " + e.rejectReason;
            case ORDER_FILLED -> "fill #" + e.orderId + " " + e.lastQty + "@" + e.lastPrice + " " + e.liquidity
                    + " " + e.filledQty + "/" + e.qty;
            case ORDER_CANCELED -> "canceled #" + e.orderId + " " + e.cancelReason + " " + e.filledQty + "/" + e.qty;
            case ORDER_EXPIRED -> "expired #" + e.orderId;
            case ORDER_REPLACED -> "replaced #" + e.orderId + " " + e.qty + "@" + e.price;
            case CANCEL_REJECTED -> "cancel rejected #" + e.orderId + " " + e.rejectReason;
            case AMEND_REJECTED -> "amend rejected #" + e.orderId + " " + e.rejectReason;
            case MASS_CANCEL_DONE -> "mass cancel done " + e.count;
            case CANCEL_ALL_AFTER_SET -> "cancel-all-after A" + e.accountId + " " + e.expireTimeNanos;
            case BOOK_LEVEL -> "level " + e.side + " " + e.price + " -> " + e.qty;
            case SNAPSHOT_TAKEN -> "snapshot " + e.sequence;
            case BREAKER_CHANGED -> "breaker " + e.breakerKind + " " + (e.breakerKind.perAccount() ? "A" + e.accountId : "S" + e.symbolId)
                    + " " + e.breakerState + " trips " + e.count;
            case SYMBOL_STATUS -> "symbol S" + e.symbolId + (e.active ? " halted" : " resumed");
            case KILL_SWITCH_CHANGED -> "kill switch A" + e.accountId + (e.active ? " on, canceled " + e.count : " off");
            case LIMITS_CHANGED -> "limits A" + e.accountId;
            case CONTROL_REJECTED -> "control rejected";
        };
    }
}

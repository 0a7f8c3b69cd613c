package io.ringbook.app.backtest;

import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;

/**
 * What became of each new order of a run, by the sequence of the command that placed it:
 * accepted, or rejected and why, with its account, symbol and orderId (and, for a
 * rejected one, its clOrdId, so that a report can name it). Flat arrays over a known
 * range of sequences, so a million orders cost a few megabytes; two runs of the same
 * commands compare order by order.
 */
final class OrderOutcomes implements EngineListener {

    static final int NONE = 0;
    static final int ACCEPTED = 1;

    private final long firstSequence;
    private final int[] outcome;
    private final int[] account;
    private final int[] symbol;
    private final long[] orderId;
    private final String[] rejectedClOrdId;

    OrderOutcomes(long firstSequence, long lastSequence) {
        this.firstSequence = firstSequence;
        int size = (int) Math.max(0, lastSequence - firstSequence + 1);
        this.outcome = new int[size];
        this.account = new int[size];
        this.symbol = new int[size];
        this.orderId = new long[size];
        this.rejectedClOrdId = new String[size];
    }

    @Override
    public void onEvent(EngineEvent e) {
        long at = e.sequence - firstSequence;
        if (at < 0 || at >= outcome.length || outcome[(int) at] != NONE) {
            return;
        }
        if (e.type == EventType.ORDER_ACCEPTED) {
            outcome[(int) at] = ACCEPTED;
        } else if (e.type == EventType.ORDER_REJECTED) {
            outcome[(int) at] = 2 + e.rejectReason.ordinal();
            rejectedClOrdId[(int) at] = e.clOrdId.toString();
        } else {
            return;
        }
        account[(int) at] = e.accountId;
        symbol[(int) at] = e.symbolId;
        orderId[(int) at] = e.orderId;
    }

    int symbol(long sequence) {
        return symbol[(int) (sequence - firstSequence)];
    }

    long orderId(long sequence) {
        return orderId[(int) (sequence - firstSequence)];
    }

    /** The clOrdId of the order placed at this sequence if it was rejected, else null. */
    String rejectedClOrdId(long sequence) {
        return rejectedClOrdId[(int) (sequence - firstSequence)];
    }

    static boolean rejected(int outcome) {
        return outcome != NONE && outcome != ACCEPTED;
    }

    int outcome(long sequence) {
        return outcome[(int) (sequence - firstSequence)];
    }

    int account(long sequence) {
        return account[(int) (sequence - firstSequence)];
    }

    long first() {
        return firstSequence;
    }

    long last() {
        return firstSequence + outcome.length - 1;
    }

    static String describe(int outcome) {
        return outcome == ACCEPTED ? "ACCEPTED" : outcome == NONE ? "NONE" : RejectReason.values()[outcome - 2].name();
    }
}

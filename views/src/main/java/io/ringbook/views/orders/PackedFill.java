package io.ringbook.views.orders;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;

/**
 * A fill as seven longs in a shared {@code long[]} (tradeId, execId, price, qty, fee, time,
 * liquidity): how the order records and the recent-fills ring keep fills without an
 * object per fill.
 */
final class PackedFill {

    static final int WORDS = 7;
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();

    private PackedFill() {
    }

    static void write(EngineEvent fill, long[] words, int at) {
        words[at] = fill.tradeId;
        words[at + 1] = fill.execId;
        words[at + 2] = fill.lastPrice;
        words[at + 3] = fill.lastQty;
        words[at + 4] = fill.fee;
        words[at + 5] = fill.eventTimeNanos;
        words[at + 6] = fill.liquidity.ordinal();
    }

    /** Sets the fill's fields of {@code event} (an ORDER_FILLED) from what {@link #write} wrote. */
    static void read(long[] words, int at, EngineEvent event) {
        event.type = EventType.ORDER_FILLED;
        event.tradeId = words[at];
        event.execId = words[at + 1];
        event.lastPrice = words[at + 2];
        event.lastQty = words[at + 3];
        event.fee = words[at + 4];
        event.eventTimeNanos = words[at + 5];
        event.liquidity = LIQUIDITIES[(int) words[at + 6]];
    }
}

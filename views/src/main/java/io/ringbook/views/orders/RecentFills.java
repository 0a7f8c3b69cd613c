package io.ringbook.views.orders;

import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.StateBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The most recent fills of all accounts, packed in one {@code long[]} ring of fixed size:
 * memory set at start, however many fills the day brings; older fills are read from the
 * journal ({@link EventHistory}). Guarded by the owning view's lock.
 */
final class RecentFills {

    /** tradeId, execId, orderId, lastPrice, lastQty, fee, time, account|symbol|side|liquidity, clOrdId words 0-4, length. */
    private static final int WORDS = 14;
    private static final Side[] SIDES = Side.values();
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();

    private final long[] ring;
    private final int capacity;
    private long count;

    RecentFills(int capacity) {
        this.capacity = capacity;
        this.ring = new long[capacity * WORDS];
    }

    void add(EngineEvent fill) {
        int at = (int) (count++ % capacity) * WORDS;
        ring[at] = fill.tradeId;
        ring[at + 1] = fill.execId;
        ring[at + 2] = fill.orderId;
        ring[at + 3] = fill.lastPrice;
        ring[at + 4] = fill.lastQty;
        ring[at + 5] = fill.fee;
        ring[at + 6] = fill.eventTimeNanos;
        ring[at + 7] = ((long) fill.accountId << 32) | ((long) (fill.symbolId & 0xFFFF) << 16) | (fill.side.ordinal() << 8)
                | fill.liquidity.ordinal();
        for (int i = 0; i < 5; i++) {
            ring[at + 8 + i] = fill.clOrdId.word(i);
        }
        ring[at + 13] = fill.clOrdId.length();
    }

    /** The account's kept fills that pass {@code filter}, newest first, at most {@code limit}. */
    List<EngineEvent> newestFirst(int accountId, Predicate<EngineEvent> filter, int limit) {
        List<EngineEvent> found = new ArrayList<>();
        long oldest = Math.max(0, count - capacity);
        for (long n = count - 1; n >= oldest && found.size() < limit; n--) {
            int at = (int) (n % capacity) * WORDS;
            if ((int) (ring[at + 7] >>> 32) != accountId) {
                continue;
            }
            EngineEvent fill = event(at);
            if (filter.test(fill)) {
                found.add(fill);
            }
        }
        return found;
    }

    /** The kept fills, oldest first, for a read-model snapshot. */
    void writeTo(StateBuffer out) {
        long kept = Math.min(count, capacity);
        out.putLong(kept);
        for (long n = count - kept; n < count; n++) {
            int at = (int) (n % capacity) * WORDS;
            for (int i = 0; i < WORDS; i++) {
                out.putLong(ring[at + i]);
            }
        }
    }

    /** Fills as {@link #writeTo} wrote them, into an empty ring (the newest kept if this ring is smaller). */
    void readFrom(StateBuffer in) {
        long kept = in.getLong();
        for (long n = 0; n < kept; n++) {
            int at = (int) (count++ % capacity) * WORDS;
            for (int i = 0; i < WORDS; i++) {
                ring[at + i] = in.getLong();
            }
        }
    }

    private EngineEvent event(int at) {
        EngineEvent e = new EngineEvent();
        e.type = EventType.ORDER_FILLED;
        e.tradeId = ring[at];
        e.execId = ring[at + 1];
        e.orderId = ring[at + 2];
        e.lastPrice = ring[at + 3];
        e.lastQty = ring[at + 4];
        e.fee = ring[at + 5];
        e.eventTimeNanos = ring[at + 6];
        long meta = ring[at + 7];
        e.accountId = (int) (meta >>> 32);
        e.symbolId = (int) ((meta >>> 16) & 0xFFFF);
        e.side = SIDES[(int) ((meta >>> 8) & 0xFF)];
        e.liquidity = LIQUIDITIES[(int) (meta & 0xFF)];
        e.clOrdId.setWords(ring[at + 8], ring[at + 9], ring[at + 10], ring[at + 11], ring[at + 12], (int) ring[at + 13]);
        return e;
    }
}

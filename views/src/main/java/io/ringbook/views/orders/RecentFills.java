package io.ringbook.views.orders;

import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import java.util.List;
import java.util.function.Predicate;

/**
 * The most recent fills of all accounts, packed in one {@code long[]} ring of fixed size (120 bytes a fill):
 * memory set at start, however many fills the day brings; older fills are read from the
 * journal ({@link EventHistory}). Guarded by the owning view's lock.
 */
final class RecentFills {

    /** The fill ({@link PackedFill}), then orderId, account|symbol|side, clOrdId words 0-4 and length. */
    private static final int WORDS = PackedFill.WORDS + 8;
    private static final int ORDER = PackedFill.WORDS;
    private static final Side[] SIDES = Side.values();

    private final long[] ring;
    private final int capacity;
    private long count;

    RecentFills(int capacity) {
        this.capacity = capacity;
        this.ring = new long[capacity * WORDS];
    }

    void add(EngineEvent fill) {
        int at = (int) (count++ % capacity) * WORDS;
        PackedFill.write(fill, ring, at);
        ring[at + ORDER] = fill.orderId;
        ring[at + ORDER + 1] = ((long) fill.accountId << 32) | ((long) (fill.symbolId & 0xFFFF) << 16) | fill.side.ordinal();
        for (int i = 0; i < 5; i++) {
            ring[at + ORDER + 2 + i] = fill.clOrdId.word(i);
        }
        ring[at + ORDER + 7] = fill.clOrdId.length();
    }

    /**
     * One stretch of a walk over the account's kept fills, newest first: from the
     * {@code from}-th fill ever added ({@link Long#MAX_VALUE}: the newest) back over at
     * most {@code steps} fills, adding those that pass {@code filter} to {@code found}
     * until it holds {@code limit}. Returns where the next stretch starts, or -1 when the
     * walk is done; fills overwritten between stretches are not walked.
     */
    long newestFirst(int accountId, Predicate<EngineEvent> filter, int limit, long from, int steps, List<EngineEvent> found) {
        long oldest = Math.max(0, count - capacity);
        long n = Math.min(from, count - 1);
        for (int step = 0; step < steps; step++, n--) {
            if (n < oldest || found.size() >= limit) {
                return -1;
            }
            int at = (int) (n % capacity) * WORDS;
            if ((int) (ring[at + ORDER + 1] >>> 32) != accountId) {
                continue;
            }
            EngineEvent fill = event(at);
            if (filter.test(fill)) {
                found.add(fill);
            }
        }
        return n < oldest || found.size() >= limit ? -1 : n;
    }

    /**
     * The kept fills, oldest first, for a read-model snapshot: copied now (one array copy),
     * written by the returned writer on any thread.
     */
    DeferredState capture() {
        int kept = (int) Math.min(count, capacity);
        long[] copy = new long[kept * WORDS];
        int oldest = (int) ((count - kept) % capacity);
        int first = Math.min(kept, capacity - oldest);
        System.arraycopy(ring, oldest * WORDS, copy, 0, first * WORDS);
        System.arraycopy(ring, 0, copy, first * WORDS, (kept - first) * WORDS);
        return out -> {
            out.putLong(kept);
            for (long word : copy) {
                out.putLong(word);
            }
        };
    }

    /** Fills as {@link #capture} wrote them, into an empty ring (the newest kept if this ring is smaller). */
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
        PackedFill.read(ring, at, e);
        e.orderId = ring[at + ORDER];
        long meta = ring[at + ORDER + 1];
        e.accountId = (int) (meta >>> 32);
        e.symbolId = (int) ((meta >>> 16) & 0xFFFF);
        e.side = SIDES[(int) (meta & 0xFF)];
        e.clOrdId.setWords(ring[at + ORDER + 2], ring[at + ORDER + 3], ring[at + ORDER + 4], ring[at + ORDER + 5], ring[at + ORDER + 6],
                (int) ring[at + ORDER + 7]);
        return e;
    }
}

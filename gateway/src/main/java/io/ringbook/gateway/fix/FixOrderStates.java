package io.ringbook.gateway.fix;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.views.orders.OrderViews;

import java.util.Arrays;

/**
 * The latest state of each order the FIX gateway reports on, kept compactly: one row of
 * {@value #STRIDE} longs per order (the fields an ExecutionReport of its status needs,
 * ClOrdIDs as packed words), in pages of {@value #PAGE_ROWS} rows, found by orderId
 * through an open-addressing table of primitives: no event copies, no boxed keys, no
 * Strings per order (152 bytes a row, about 180 with the table). It keeps no index of
 * ClOrdIDs: the REST read models keep one of the same orders, updated before this door's
 * on the outbound thread, through which {@link FixOrderLookup} turns a ClOrdID into the
 * orderId (an index here too cost about 80 bytes more an order).
 *
 * <p>Memory tracks open orders, not the day's flow, as in the REST read models
 * ({@link OrderViews}): every open order is kept; a done order
 * only until {@code keptDone} newer orders are done, then its row is freed and reused.
 * What FIX asks about an order no longer kept (a PossResend of its ClOrdID, a status
 * request, a late cancel) is answered from the read models and the journal
 * ({@link FixOrderLookup}). Written by the outbound thread, read by QuickFIX/J's threads
 * (status requests, replaces, cancel rejects): every method holds the object's lock,
 * which the outbound thread takes once per order event, uncontended but for those reads.
 */
final class FixOrderStates {

    static final int STRIDE = 19;
    static final int PAGE_ROWS = 1024;
    private static final int ORDER_ID = 0;
    private static final int QTY = 1;
    private static final int PRICE = 2;
    private static final int FILLED_QTY = 3;
    private static final int FILLED_NOTIONAL = 4;
    private static final int EVENT_TIME = 5;
    private static final int ACCOUNT_SYMBOL = 6;
    private static final int CODES = 7;
    private static final int LENGTHS = 8;
    private static final int CLORDID = 9;
    private static final int REQUEST_CLORDID = 14;
    private static final int WORDS = 5;
    private static final int FIRST_INDEX_SIZE = 1 << 16;
    /** Done orders kept by default (the newest), as many as the REST read models keep. */
    static final int KEPT_DONE = OrderViews.KEPT_DONE;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final RejectReason[] REJECT_REASONS = RejectReason.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();

    private long[][] pages = new long[0][];
    private int rows;
    private int[] free = new int[16];
    private int freeCount;
    private long[] keys = new long[FIRST_INDEX_SIZE];
    private int[] slots = new int[FIRST_INDEX_SIZE];
    private int keyCount;
    private final ClOrdId scratch = new ClOrdId();
    private final long[] done;
    private long doneCount;

    FixOrderStates() {
        this(KEPT_DONE);
    }

    /** @param keptDone done orders kept (the newest); older ones are freed */
    FixOrderStates(int keptDone) {
        this.done = new long[Math.max(1, keptDone)];
    }

    /** Records the order's state after {@code e}; returns false if it had no row before (a new order). */
    synchronized boolean record(EngineEvent e) {
        int row = rowOf(e.orderId);
        boolean known = row >= 0;
        if (!known) {
            row = newRow();
            index(e.orderId, row);
        }
        long[] page = pages[row / PAGE_ROWS];
        int at = (row % PAGE_ROWS) * STRIDE;
        boolean wasDone = known && !open(page[at + CODES]);
        page[at + ORDER_ID] = e.orderId;
        page[at + QTY] = e.qty;
        page[at + PRICE] = e.price;
        page[at + FILLED_QTY] = e.filledQty;
        page[at + FILLED_NOTIONAL] = e.filledNotional;
        page[at + EVENT_TIME] = e.eventTimeNanos;
        page[at + ACCOUNT_SYMBOL] = (long) e.accountId << 32 | (e.symbolId & 0xFFFF_FFFFL);
        page[at + CODES] = code(e.side) | code(e.orderType) << 8 | code(e.timeInForce) << 16 | code(e.status) << 24
                | code(e.type) << 32 | (long) e.rejectReason.ordinal() << 40 | (long) e.cancelReason.ordinal() << 48;
        page[at + LENGTHS] = e.clOrdId.length() | (long) e.requestClOrdId.length() << 8;
        for (int w = 0; w < WORDS; w++) {
            page[at + CLORDID + w] = e.clOrdId.word(w);
            page[at + REQUEST_CLORDID + w] = e.requestClOrdId.word(w);
        }
        if (!wasDone && !open(page[at + CODES])) {
            keepDone(e.orderId);
        }
        return known;
    }

    /** The order's ClOrdID as last recorded, or null if the order is unknown. */
    synchronized String clOrdIdOf(long orderId) {
        int row = rowOf(orderId);
        if (row < 0) {
            return null;
        }
        long[] page = pages[row / PAGE_ROWS];
        int at = (row % PAGE_ROWS) * STRIDE;
        readId(page, at + CLORDID, (int) (page[at + LENGTHS] & 0xFF), scratch);
        return scratch.toString();
    }

    /** The latest state of an order the account placed; null if unknown (or another account's). */
    synchronized EngineEvent find(int account, long orderId) {
        EngineEvent state = state(orderId);
        return state != null && state.accountId == account ? state : null;
    }

    /** The order's latest state as a new event (allocates: for answers, not for the hot path); null if unknown. */
    synchronized EngineEvent state(long orderId) {
        int row = rowOf(orderId);
        if (row < 0) {
            return null;
        }
        long[] page = pages[row / PAGE_ROWS];
        int at = (row % PAGE_ROWS) * STRIDE;
        EngineEvent e = new EngineEvent().clear();
        e.orderId = page[at + ORDER_ID];
        e.qty = page[at + QTY];
        e.price = page[at + PRICE];
        e.filledQty = page[at + FILLED_QTY];
        e.filledNotional = page[at + FILLED_NOTIONAL];
        e.eventTimeNanos = page[at + EVENT_TIME];
        e.accountId = (int) (page[at + ACCOUNT_SYMBOL] >> 32);
        e.symbolId = (int) page[at + ACCOUNT_SYMBOL];
        long codes = page[at + CODES];
        e.side = decode(SIDES, codes);
        e.orderType = decode(ORDER_TYPES, codes >>> 8);
        e.timeInForce = decode(TIMES_IN_FORCE, codes >>> 16);
        e.status = decode(STATUSES, codes >>> 24);
        e.type = decode(EVENT_TYPES, codes >>> 32);
        e.rejectReason = REJECT_REASONS[(int) (codes >>> 40 & 0xFF)];
        e.cancelReason = CANCEL_REASONS[(int) (codes >>> 48 & 0xFF)];
        long lengths = page[at + LENGTHS];
        readId(page, at + CLORDID, (int) (lengths & 0xFF), e.clOrdId);
        readId(page, at + REQUEST_CLORDID, (int) (lengths >>> 8 & 0xFF), e.requestClOrdId);
        return e;
    }

    /**
     * Files a done order among the newest kept; once there are {@code keptDone}, the oldest
     * one's row is freed (unless it was reused since) and it leaves the index.
     */
    private void keepDone(long orderId) {
        int slot = (int) (doneCount++ % done.length);
        long oldest = done[slot];
        done[slot] = orderId;
        int row = oldest == 0 ? -1 : rowOf(oldest);
        if (row < 0) {
            return;
        }
        long[] page = pages[row / PAGE_ROWS];
        int at = (row % PAGE_ROWS) * STRIDE;
        if (open(page[at + CODES])) {
            return;
        }
        page[at + ORDER_ID] = 0;
        unindex(oldest);
        pushFree(row);
    }

    /** Orders held (the open ones and the newest done ones). */
    synchronized int size() {
        return keyCount;
    }

    /** Rows allocated, in use or free to reuse. */
    synchronized int rowsAllocated() {
        return rows;
    }

    /** Whether a row's codes say its order can still trade. */
    private static boolean open(long codes) {
        OrderStatus status = decode(STATUSES, codes >>> 24);
        return status != null && status.isOpen();
    }

    private static long code(Enum<?> value) {
        return value == null ? 0 : value.ordinal() + 1;
    }

    private static <E> E decode(E[] values, long code) {
        int ordinal = (int) (code & 0xFF);
        return ordinal == 0 ? null : values[ordinal - 1];
    }

    private static void readId(long[] page, int from, int length, ClOrdId into) {
        into.setWords(page[from], page[from + 1], page[from + 2], page[from + 3], page[from + 4], length);
    }

    private int newRow() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (rows == pages.length * PAGE_ROWS) {
            pages = Arrays.copyOf(pages, pages.length + 1);
            pages[pages.length - 1] = new long[PAGE_ROWS * STRIDE];
        }
        return rows++;
    }

    private void pushFree(int row) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = row;
    }

    private int rowOf(long orderId) {
        int mask = keys.length - 1;
        for (int i = hash(orderId) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == orderId) {
                return slots[i];
            }
        }
        return -1;
    }

    private void index(long orderId, int row) {
        if ((keyCount + 1) * 4L > keys.length * 3L) { // at most three quarters full: linear probing of one long array stays short
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2];
            keyCount = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    index(oldKeys[i], oldSlots[i]);
                }
            }
        }
        int mask = keys.length - 1;
        int i = hash(orderId) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = orderId;
        slots[i] = row;
        keyCount++;
    }

    /** Takes the orderId out of the table by backward-shift deletion (no tombstones). */
    private void unindex(long orderId) {
        int mask = keys.length - 1;
        int i = hash(orderId) & mask;
        while (keys[i] != orderId) {
            if (keys[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            // move j into the hole unless its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                keys[hole] = keys[j];
                slots[hole] = slots[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        keyCount--;
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32);
    }
}

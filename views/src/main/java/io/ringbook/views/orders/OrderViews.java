package io.ringbook.views.orders;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The read model of orders and fills, kept on the outbound thread from the engine's
 * order events: each kept order's latest state and fills ({@link OrderRecord}: primitive
 * fields, no event copies), by orderId, by account and clOrdId, and each account's open
 * orders newest first. HTTP threads read it to answer queries and to check ownership
 * before publishing; registered before the pipeline's reply router, so a caller whose
 * order was answered already finds it here.
 *
 * <p>Memory tracks open orders, not the day's flow: every open order is kept; a done
 * order stays only until {@code keptDone} newer orders are done, and the account fills
 * list holds the newest {@code keptFills} fills ({@link RecentFills}). Older ones are
 * served from the journal: {@link #find} reads the {@link EventHistory} for an order no
 * longer kept, from near where it began ({@link OrderStarts}) until it is done, and
 * answers at once for an orderId not yet created; {@link #findByClOrdId} finds an order
 * no longer kept through the clOrdIds of the current and the previous UTC day
 * ({@link ClOrdIdDays}); the history queries page through the journal.
 *
 * <p>One writer (the outbound thread) and many readers under a read-write lock: a reader
 * sees each order as of one event, never half an update. Readers that walk the fixed
 * rings (an account's orders, its fills) hold the lock for stretches of
 * {@value #WALK_STEPS} entries, not for the whole walk, so the writer waits for one
 * stretch at most; such a list is then made of orders each as of one event, the
 * stretches a few microseconds apart.
 */
public final class OrderViews implements EngineListener {

    /** An order as last reported, with its fills in order, and as first placed (before any amend): a resend is compared with that. */
    public record View(EngineEvent state, List<EngineEvent> fills, EngineEvent original) {
    }

    /** The statuses of an order that can still trade. */
    public static final Set<OrderStatus> OPEN = Set.of(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
    /** Done orders kept in memory by default (the newest), 144 bytes each without fills. */
    public static final int KEPT_DONE = 65_536;
    /** Fills kept in memory by default (the newest, of all accounts), 120 bytes each. */
    public static final int KEPT_FILLS = 65_536;
    /** Orders per remembered journal position of {@link OrderStarts}: a lookup of an old order reads at most the events of about this many orders before it. */
    public static final int ORDERS_PER_START = 1024;
    /**
     * Entries a reader walks per hold of the read lock: a list or fills query walks the
     * fixed rings (65,536 entries) in stretches of this many, letting the outbound writer
     * in between, so that a reader delays it by one stretch, not by a whole walk.
     */
    static final int WALK_STEPS = 1024;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final RecordsById byId = new RecordsById();
    private final ClOrdIdLookup byClOrdId = new ClOrdIdLookup();
    private final ClOrdIdDays clOrdIdDays = new ClOrdIdDays();
    private final OrderStarts starts;
    private final AccountOrders openByAccount = new AccountOrders();
    private OrderStanding priorState = (orderId, symbolId, side, price, leaves) -> {
    };
    private final OrderRecord[] done;
    private final RecordPool pool = new RecordPool();
    private final RecentFills fills;
    private long doneCount;
    private long arrivals;
    private volatile EventHistory history = EventHistory.NONE;

    public OrderViews() {
        this(KEPT_DONE, KEPT_FILLS);
    }

    /** @param keptDone done orders kept in memory; @param keptFills fills kept for the account's fills list */
    public OrderViews(int keptDone, int keptFills) {
        this(keptDone, keptFills, ORDERS_PER_START);
    }

    /** @param ordersPerStart orders per remembered journal position, for reading an order no longer kept */
    public OrderViews(int keptDone, int keptFills, int ordersPerStart) {
        this.done = new OrderRecord[Math.max(1, keptDone)];
        this.fills = new RecentFills(Math.max(1, keptFills));
        this.starts = new OrderStarts(ordersPerStart);
    }

    /** Set once, before the first event: who is told each order's state before an event changes it. */
    public void priorState(OrderStanding listener) {
        this.priorState = listener;
    }

    /** Where orders no longer kept are read from (the output journal, as the app wires it). */
    public void history(EventHistory events) {
        this.history = events;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event.orderId == 0 || event.type == EventType.CANCEL_REJECTED || event.type == EventType.AMEND_REJECTED
                || event.rejectReason == RejectReason.DUPLICATE_CLORDID) {
            return;
        }
        lock.writeLock().lock();
        try {
            apply(event);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(EngineEvent event) {
        OrderRecord order = byId.get(event.orderId);
        boolean first = order == null;
        boolean wasOpen = !first && order.isOpen();
        if (wasOpen) {
            priorState.stands(event.orderId, order.symbolId, order.side(), order.price, order.openQty());
        } else {
            priorState.stands(event.orderId, event.symbolId, event.side, 0, 0);
        }
        boolean keepsPlace = wasOpen && order.price == event.price && (event.type == EventType.ORDER_FILLED || event.qty <= order.qty);
        boolean newClOrdId = first || !order.carries(event.clOrdId);
        if (first) {
            order = pool.take(event.orderId);
            byId.add(order);
            starts.created(event.orderId, event.sequence);
        } else if (newClOrdId) {
            byClOrdId.remove(order);
        }
        order.apply(event, first);
        if (newClOrdId && event.clOrdId.length() > 0) {
            byClOrdId.add(order);
            clOrdIdDays.add(event.accountId, event.clOrdId, event.orderId, event.eventTimeNanos);
        }
        if (event.type == EventType.ORDER_FILLED) {
            fills.add(event);
        }
        boolean open = order.isOpen();
        if (open) {
            if (!keepsPlace) {
                order.arrival = ++arrivals;
            }
            if (!wasOpen) {
                openByAccount.add(order);
            }
        } else if (first || wasOpen) {
            if (wasOpen) {
                openByAccount.remove(order);
            }
            keepDone(order);
        }
    }

    /** Files a done order among the newest kept, forgetting the oldest once there are {@code keptDone}. */
    private void keepDone(OrderRecord order) {
        int slot = (int) (doneCount++ % done.length);
        OrderRecord oldest = done[slot];
        done[slot] = order;
        if (oldest != null && !oldest.isOpen() && byId.get(oldest.orderId) == oldest) {
            byId.remove(oldest);
            byClOrdId.remove(oldest);
            pool.give(oldest); // a done order is in no account's open list, and this was its one slot of the ring
        }
    }

    /**
     * The order if still kept, else as the journal last reported it (read from near where
     * it began until it is done); empty at once for an orderId not yet created.
     */
    public Optional<View> find(long orderId) {
        long readAfter;
        lock.readLock().lock();
        try {
            OrderRecord kept = byId.get(orderId);
            if (kept != null) {
                return Optional.of(view(kept));
            }
            if (orderId <= 0 || starts.notYetCreated(orderId)) {
                return Optional.empty();
            }
            readAfter = starts.readAfter(orderId);
        } finally {
            lock.readLock().unlock();
        }
        return fromHistory(orderId, readAfter);
    }

    /** The order if still kept in memory; never reads the journal (for the outbound thread). */
    public Optional<View> findKept(long orderId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(orderId)).map(OrderViews::view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The account's order that now carries this clOrdId: a kept one, else one of the
     * current or the previous UTC day read from the journal.
     */
    public Optional<View> findByClOrdId(int accountId, String clOrdId) {
        ClOrdId id = new ClOrdId();
        if (!id.set(clOrdId)) {
            return Optional.empty();
        }
        long orderId;
        lock.readLock().lock();
        try {
            OrderRecord kept = byClOrdId.find(accountId, id);
            if (kept != null) {
                return Optional.of(view(kept));
            }
            orderId = clOrdIdDays.find(accountId, id);
            if (orderId == 0 || byId.get(orderId) != null) {
                return Optional.empty();
            }
        } finally {
            lock.readLock().unlock();
        }
        return find(orderId).filter(view -> view.state().accountId == accountId && id.toString().equals(view.state().clOrdId.toString()));
    }

    /**
     * The orderId of the account's order that now carries this clOrdId if kept, else of the
     * order it was first given to on the current or the previous UTC day (an order renamed
     * by a replace keeps its earlier ones here); 0 if none. From memory, never the journal.
     */
    public long orderIdOf(int accountId, String clOrdId) {
        ClOrdId id = new ClOrdId();
        if (clOrdId == null || !id.set(clOrdId)) {
            return 0;
        }
        lock.readLock().lock();
        try {
            OrderRecord kept = byClOrdId.find(accountId, id);
            return kept != null ? kept.orderId : clOrdIdDays.find(accountId, id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Whether an amend would only lower the quantity of one of the account's open orders
     * (named by orderId, else by its current clOrdId) and leave its price: what a disk hold
     * lets through ({@code CommandPublisher.amendsReducing}). As this model last saw the
     * order; from memory, on the producer's thread.
     */
    public boolean onlyLowersQty(Command amend) {
        lock.readLock().lock();
        try {
            OrderRecord order = amend.orderId != 0 ? byId.get(amend.orderId) : byClOrdId.find(amend.accountId, amend.origClOrdId);
            return order != null && order.accountId == amend.accountId && order.isOpen()
                    && (amend.price == 0 || amend.price == order.price) && amend.qty > 0 && amend.qty < order.qty;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The account's kept orders in one of {@code statuses} (any status if empty) whose state
     * matches, newest first, at most {@code limit}: its open orders, and its done orders
     * among the newest kept.
     */
    public List<View> list(int accountId, Set<OrderStatus> statuses, Predicate<EngineEvent> filter, int limit) {
        boolean anyOpen = statuses.isEmpty() || statuses.stream().anyMatch(OrderStatus::isOpen);
        boolean anyDone = statuses.isEmpty() || statuses.stream().anyMatch(status -> !status.isOpen());
        LongArrayList candidates = new LongArrayList();
        if (anyOpen) {
            lock.readLock().lock();
            try {
                openByAccount.newestFirst(accountId, order -> candidates.addLong(order.orderId));
            } finally {
                lock.readLock().unlock();
            }
        }
        for (long next = anyDone ? Long.MAX_VALUE : -1; next >= 0; ) {
            lock.readLock().lock();
            try {
                next = doneNewestFirst(accountId, next, candidates);
            } finally {
                lock.readLock().unlock();
            }
        }
        // by orderId, not by record: a record whose order left memory between two holds of the lock serves another order
        long[] ids = candidates.toLongArray();
        Arrays.sort(ids);
        List<View> views = new ArrayList<>();
        for (int from = ids.length - 1; from >= 0 && views.size() < limit; from -= WALK_STEPS) {
            lock.readLock().lock();
            try {
                for (int i = from; i > from - WALK_STEPS && i >= 0 && views.size() < limit; i--) {
                    OrderRecord order = byId.get(ids[i]);
                    if (order == null || (i + 1 < ids.length && ids[i + 1] == ids[i])) {
                        continue; // left memory meanwhile; or found open, then done in a later stretch of the walk: listed once
                    }
                    EngineEvent state = order.stateEvent();
                    if ((statuses.isEmpty() || statuses.contains(state.status)) && filter.test(state)) {
                        views.add(new View(state, order.fillEvents(), order.originalEvent()));
                    }
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        return views;
    }

    /**
     * One stretch of a walk over the kept done orders, newest first: from the {@code from}-th
     * done order ({@link Long#MAX_VALUE}: the newest) back over at most {@value #WALK_STEPS},
     * adding the account's to {@code found}; where the next stretch starts, or -1 when done.
     * Orders pushed out of the ring between stretches are not walked. Under the read lock.
     */
    private long doneNewestFirst(int accountId, long from, LongArrayList found) {
        long oldest = Math.max(0, doneCount - done.length);
        long n = Math.min(from, doneCount - 1);
        for (int step = 0; step < WALK_STEPS && n >= oldest; step++, n--) {
            OrderRecord order = done[(int) (n % done.length)];
            if (order.accountId == accountId && !order.isOpen()) {
                found.addLong(order.orderId);
            }
        }
        return n >= oldest ? n : -1;
    }

    /** The account's kept fills, newest first, at most {@code limit}; the ring walked in stretches ({@link #WALK_STEPS}). */
    public List<EngineEvent> fills(int accountId, Predicate<EngineEvent> filter, int limit) {
        List<EngineEvent> found = new ArrayList<>();
        for (long next = Long.MAX_VALUE; next >= 0; ) {
            lock.readLock().lock();
            try {
                next = fills.newestFirst(accountId, filter, limit, next, WALK_STEPS, found);
            } finally {
                lock.readLock().unlock();
            }
        }
        return found;
    }

    /**
     * The open orders of one side of a symbol's book in the book's own order (best price
     * first, then time priority: an amend that loses priority counts as a new arrival, as
     * in the engine), at most {@code limit}. Reads every open order once, keeping only the
     * best {@code limit}: for the admin API's full book.
     */
    public List<EngineEvent> openOrders(int symbolId, Side side, int limit) {
        Comparator<OrderRecord> better = Comparator.comparingLong((OrderRecord order) -> side == Side.BUY ? -order.price : order.price)
                .thenComparingLong(order -> order.arrival);
        PriorityQueue<OrderRecord> best = new PriorityQueue<>(better.reversed());
        List<EngineEvent> orders = new ArrayList<>();
        lock.readLock().lock();
        try {
            byId.forEach(order -> {
                if (order.isOpen() && order.symbolId == symbolId && order.side() == side) {
                    best.add(order);
                    if (best.size() > limit) {
                        best.poll();
                    }
                }
            });
            List<OrderRecord> sorted = new ArrayList<>(best);
            sorted.sort(better);
            for (OrderRecord order : sorted) {
                orders.add(order.stateEvent());
            }
        } finally {
            lock.readLock().unlock();
        }
        return orders;
    }

    /**
     * The kept orders (open ones, then the done ones oldest first), the account fills, the
     * arrival counter, the clOrdIds of the current and the previous day and where orders
     * begin in the journal, for a read-model snapshot, as of now: on the outbound thread
     * (the only writer) this copies the orders' fields flat and the fills' ring, and takes
     * views of the clOrdIds; the returned writer encodes it all on any thread, so that
     * the outbound thread's pause is a copy, not an encoding (nor a sort) of every order.
     */
    public DeferredState captureState() {
        lock.readLock().lock();
        try {
            long arrivalsNow = arrivals;
            LongChunks open = new LongChunks();
            int[] openCount = new int[1];
            openByAccount.oldestFirst(order -> {
                order.copyTo(open);
                openCount[0]++;
            });
            LongChunks done = new LongChunks();
            List<OrderRecord> kept = keptDone();
            kept.forEach(order -> order.copyTo(done));
            int doneCount = kept.size();
            DeferredState keptFills = fills.capture();
            DeferredState days = clOrdIdDays.capture();
            StateBuffer positions = new StateBuffer(1 << 10);
            starts.writeTo(positions);
            return out -> {
                out.putLong(arrivalsNow);
                out.putInt(openCount[0]);
                for (int i = 0; i < openCount[0]; i++) {
                    OrderRecord.write(open, out);
                }
                out.putInt(doneCount);
                for (int i = 0; i < doneCount; i++) {
                    OrderRecord.write(done, out);
                }
                keptFills.writeTo(out);
                days.writeTo(out);
                out.putBytes(positions.array(), 0, positions.length());
            };
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes {@link #captureState} at once, on the calling thread. */
    public void writeState(StateBuffer out) {
        captureState().writeTo(out);
    }

    /**
     * Reads what {@link #writeState} wrote into this empty model (at start, before any event).
     * The open orders are filed by clOrdId after the done ones: a clOrdId reused on a later day
     * belongs to the open order that carries it now, not to the done one kept beside it.
     */
    public void readState(StateBuffer in) {
        lock.writeLock().lock();
        try {
            arrivals = in.getLong();
            OrderRecord[] open = new OrderRecord[in.getInt()];
            for (int i = 0; i < open.length; i++) {
                open[i] = OrderRecord.read(in);
            }
            for (int i = in.getInt(); i > 0; i--) {
                OrderRecord order = OrderRecord.read(in);
                index(order);
                keepDone(order);
            }
            for (OrderRecord order : open) {
                index(order);
                openByAccount.add(order);
            }
            fills.readFrom(in);
            clOrdIdDays.readFrom(in);
            starts.readFrom(in);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Tells {@code each} what every open order stands at (at start, to count a restored book's levels from them). */
    public void forEachOpen(OrderStanding each) {
        lock.readLock().lock();
        try {
            byId.forEach(order -> {
                if (order.isOpen()) {
                    each.stands(order.orderId, order.symbolId, order.side(), order.price, order.openQty());
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Sends each kept order's latest state, in orderId order, to {@code listener}: how
     * other read models (the FIX reports) are seeded at start from a restored snapshot.
     */
    public void replayKept(EngineListener listener) {
        List<EngineEvent> kept = new ArrayList<>();
        lock.readLock().lock();
        try {
            // the states taken under the lock: a record may serve another order once its own leaves memory
            openOrders().forEach(order -> kept.add(order.stateEvent()));
            keptDone().forEach(order -> kept.add(order.stateEvent()));
        } finally {
            lock.readLock().unlock();
        }
        kept.sort(Comparator.comparingLong(state -> state.orderId));
        kept.forEach(listener::onEvent);
    }

    private void index(OrderRecord order) {
        byId.add(order);
        if (order.clOrdIdLength() > 0) {
            byClOrdId.add(order);
        }
    }

    /** Every open order, in orderId order. */
    private List<OrderRecord> openOrders() {
        List<OrderRecord> open = new ArrayList<>();
        byId.forEach(order -> {
            if (order.isOpen()) {
                open.add(order);
            }
        });
        open.sort(Comparator.comparingLong(order -> order.orderId));
        return open;
    }

    /** The done orders still kept, oldest first. */
    private List<OrderRecord> keptDone() {
        List<OrderRecord> kept = new ArrayList<>();
        for (long n = Math.max(0, doneCount - done.length); n < doneCount; n++) {
            OrderRecord order = done[(int) (n % done.length)];
            if (!order.isOpen() && byId.get(order.orderId) == order) {
                kept.add(order);
            }
        }
        return kept;
    }

    private Optional<View> fromHistory(long orderId, long readAfter) {
        EngineEvent[] last = new EngineEvent[2];
        List<EngineEvent> orderFills = new ArrayList<>();
        history.replayAfter(readAfter, event -> {
            if (event.orderId != orderId || event.type == EventType.CANCEL_REJECTED || event.type == EventType.AMEND_REJECTED
                    || event.rejectReason == RejectReason.DUPLICATE_CLORDID) {
                return;
            }
            EngineEvent state = event.copy();
            if (last[0] == null) {
                last[0] = state;
            }
            last[1] = state;
            if (event.type == EventType.ORDER_FILLED) {
                orderFills.add(state);
            }
        }, () -> last[1] != null && last[1].status != null && !last[1].status.isOpen());
        if (last[1] == null) {
            return Optional.empty();
        }
        EngineEvent original = last[1].copy();
        original.price = last[0].price;
        original.qty = last[0].qty;
        return Optional.of(new View(last[1], orderFills, original));
    }

    private static View view(OrderRecord order) {
        return new View(order.stateEvent(), order.fillEvents(), order.originalEvent());
    }
}

package io.ringbook.gateway.fix;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.views.orders.OrderViews;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds an order a FIX answer is about (a PossResend's holder of the ClOrdID, a status
 * request, a refused cancel or replace): in the FIX door's own states while it keeps the
 * order ({@link FixOrderStates}: open orders and the newest done ones), else through the
 * REST read models, which know the ClOrdIDs of the current and the previous UTC day and
 * read an order they no longer keep from the journal ({@link OrderViews#find}). Reading
 * the journal can take milliseconds, so it never happens on the thread that asks (the
 * outbound thread, a FIX I/O thread): such an answer is given on this lookup's own
 * thread, answers in the order asked (at most {@value #QUEUED} waiting; beyond, the order
 * is answered as unknown). A ClOrdID is always turned into the orderId by the read
 * models, which keep the current ClOrdIDs of the same orders as the door (and those of two
 * days), so that the door's states need no index of their own. Without read models (a FIX
 * door built on its own) an order is found by orderId only, and only while the door keeps it.
 */
final class FixOrderLookup implements AutoCloseable {

    /** Stands for an order that is known but not the asking account's: answered as unknown. */
    private static final EngineEvent NONE = new EngineEvent();
    private static final System.Logger LOG = System.getLogger(FixOrderLookup.class.getName());
    /** Journal reads waiting at most; past that an older order is answered as unknown rather than queued without bound. */
    static final int QUEUED = 1_024;

    private final FixOrderStates states;
    private final ExecutorService older = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED), task -> {
                Thread thread = new Thread(task, "fix-order-history");
                thread.setDaemon(true);
                return thread;
            });
    private volatile OrderViews views;

    FixOrderLookup(FixOrderStates states) {
        this.states = states;
    }

    /** The read models whose memory and journal lookups find orders the FIX door no longer keeps. */
    void readModels(OrderViews orders) {
        this.views = orders;
    }

    /**
     * The account's order by orderId, or else by a ClOrdID it has or had, if known without
     * reading the journal; null otherwise.
     */
    EngineEvent inMemory(int account, long orderId, String clOrdId) {
        OrderViews orders = views;
        long id = idOf(orders, account, orderId, clOrdId);
        EngineEvent kept = id == 0 ? NONE : kept(orders, account, id).orElse(NONE);
        return kept == NONE ? null : kept;
    }

    /**
     * Gives {@code answer} the account's order by orderId, or else by a ClOrdID it has or
     * had, or null if there is none: at once when it is in memory, else later, on the
     * lookup thread, once read from the journal.
     */
    void find(int account, long orderId, String clOrdId, Consumer<EngineEvent> answer) {
        OrderViews orders = views;
        long id = idOf(orders, account, orderId, clOrdId);
        Optional<EngineEvent> kept = id == 0 ? Optional.of(NONE) : kept(orders, account, id);
        if (kept.isPresent()) {
            answer.accept(kept.get() == NONE ? null : kept.get());
            return;
        }
        try {
            older.execute(() -> answer.accept(fromJournal(orders, account, id)));
        } catch (RejectedExecutionException closingOrFull) {
            answer.accept(null);
        }
    }

    /**
     * The orderId asked for, or else the one of the account's order that has or had the
     * ClOrdID, from the read models' memory (the FIX door keeps no ClOrdID index of its
     * own); 0 if none, or if there are no read models to ask.
     */
    private static long idOf(OrderViews orders, int account, long orderId, String clOrdId) {
        return orderId != 0 ? orderId : orders == null ? 0 : orders.orderIdOf(account, clOrdId);
    }

    /**
     * The order as kept in memory, {@link #NONE} if kept but another account's, or if
     * unknown to a door without read models; empty if to be read from the journal.
     */
    private Optional<EngineEvent> kept(OrderViews orders, int account, long orderId) {
        EngineEvent own = states.find(account, orderId);
        if (own != null || orders == null) {
            return Optional.of(own == null ? NONE : own);
        }
        return orders.findKept(orderId).map(view -> view.state().accountId == account ? view.state() : NONE);
    }

    private static EngineEvent fromJournal(OrderViews orders, int account, long orderId) {
        try {
            return orders.find(orderId).map(OrderViews.View::state).filter(state -> state.accountId == account).orElse(null);
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "order " + orderId + " not read from the journal for a FIX answer", unreadable);
            return null;
        }
    }

    @Override
    public void close() {
        older.shutdownNow();
    }
}

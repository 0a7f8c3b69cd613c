package io.ringbook.engine.logic;

import io.ringbook.engine.book.BookSide;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.book.OrderBook;
import io.ringbook.engine.book.OrderStore;
import io.ringbook.engine.book.PriceLevel;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.position.PositionBook;
import io.ringbook.engine.state.StateBuffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The whole state of a business logic as bytes, and back: counters (orderId, tradeId,
 * execId), cancel-all-after deadlines, positions, and per book every resting order,
 * level by level in queue order (open orders are exactly the resting ones between
 * commands). Restoring re-opens the orders in orderId order, which rebuilds the
 * per-account lists and the expiry heap, then re-queues them as written, which keeps time
 * priority. Layout version {@value #VERSION} (8: no market-data sequence per book, since
 * the depth book is derived outside the logic; 7, read too, is 8 with that sequence: the day's clOrdIds are
 * the words of their index's arena as they lie, with the build's hash of a fixed id, read
 * back without re-inserting each id; 6, the same without that check, was written only by
 * builds that never reached main and is refused;
 * 5: the day's clOrdId entries come last, after the risk state, so that they can be
 * written off the logic thread; 4: orders carry their origin; versions 5, 4 and 3, the
 * latter without origins, are still read).
 */
final class EngineState {

    static final int VERSION = 8;
    /** The last layout with a market-data sequence per book (read and dropped). */
    private static final int WITH_BOOK_SEQUENCE = 7;
    /** The last layout with the day's clOrdIds written entry by entry. */
    static final int IDS_BY_ENTRY = 5;
    /** The last layout with the clOrdId entries before the risk state. */
    static final int IDS_BEFORE_RISK = 4;
    private static final int BEFORE_ORIGIN = 3;

    private EngineState() {
    }

    static void write(StateBuffer out, OrderBook[] books, OrderStore store, PositionBook positions,
                      long[] cancelAllDeadline, long lastTradeId, long lastExecId) {
        out.putInt(VERSION);
        out.putInt(cancelAllDeadline.length);
        out.putInt(books.length);
        out.putLong(store.lastOrderId());
        out.putLong(lastTradeId);
        out.putLong(lastExecId);
        for (long deadline : cancelAllDeadline) {
            out.putLong(deadline);
        }
        positions.writeTo(out);
        for (OrderBook book : books) {
            for (Side side : Side.values()) {
                BookSide levels = book.side(side);
                int orders = 0;
                for (int depth = 0; depth < levels.levelCount(); depth++) {
                    orders += levels.level(depth).orderCount();
                }
                out.putInt(orders);
                for (int depth = 0; depth < levels.levelCount(); depth++) {
                    PriceLevel level = levels.level(depth);
                    for (Order order = level.head(); order != null; order = order.nextInLevel()) {
                        order.writeTo(out);
                    }
                }
            }
        }
    }

    /** Reads a state into freshly built components of the same shape; returns {lastTradeId, lastExecId, layout version}. */
    static long[] read(StateBuffer in, OrderBook[] books, OrderStore store, PositionBook positions, long[] cancelAllDeadline) {
        int version = in.getInt();
        if (version != VERSION && version != WITH_BOOK_SEQUENCE && version != IDS_BY_ENTRY && version != IDS_BEFORE_RISK
                && version != BEFORE_ORIGIN) {
            throw new IllegalStateException("snapshot layout version " + version + "; this build reads " + VERSION);
        }
        int accounts = in.getInt();
        int symbols = in.getInt();
        if (accounts != cancelAllDeadline.length || symbols != books.length) {
            throw new IllegalStateException("snapshot of " + accounts + " accounts and " + symbols + " symbols does not fit an engine of "
                    + cancelAllDeadline.length + " and " + books.length);
        }
        store.restoreLastOrderId(in.getLong());
        long[] counters = {in.getLong(), in.getLong(), version};
        for (int account = 0; account < accounts; account++) {
            cancelAllDeadline[account] = in.getLong();
        }
        positions.readFrom(in);
        List<Order> queued = new ArrayList<>();
        for (OrderBook book : books) {
            if (version != VERSION) {
                in.getLong(); // the book's market-data sequence, now the views' own
            }
            for (int side = 0; side < Side.values().length; side++) {
                int orders = in.getInt();
                for (int i = 0; i < orders; i++) {
                    Order order = store.acquire();
                    order.readFrom(in, version != BEFORE_ORIGIN);
                    queued.add(order);
                }
            }
        }
        queued.stream().sorted(Comparator.comparingLong(o -> o.orderId)).forEach(store::open);
        for (Order order : queued) {
            books[order.symbolId].rest(order);
        }
        return counters;
    }
}

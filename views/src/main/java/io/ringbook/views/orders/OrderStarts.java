package io.ringbook.views.orders;

import io.ringbook.engine.state.StateBuffer;
import org.agrona.collections.LongArrayList;

/**
 * Where in the output journal orders begin, sparsely, so that reading an order no longer
 * kept starts near it instead of at the journal's start: every {@code stride} orderIds
 * (orderIds grow with each new order), the sequence of the command that created the
 * first new order of that stretch; and the highest orderId seen, above which no order
 * exists yet. 16 bytes per stride of orders, written with the read-model snapshot.
 * Guarded by the owning view's lock.
 */
final class OrderStarts {

    private final int stride;
    private final LongArrayList orderIds = new LongArrayList();
    private final LongArrayList sequences = new LongArrayList();
    private long highest;

    OrderStarts(int stride) {
        this.stride = Math.max(1, stride);
    }

    /** A new order, created by the command of {@code sequence}: the newest orderId so far. */
    void created(long orderId, long sequence) {
        highest = Math.max(highest, orderId);
        int last = orderIds.size() - 1;
        if (last < 0 || orderId >= orderIds.getLong(last) + stride) {
            orderIds.addLong(orderId);
            sequences.addLong(sequence);
        }
    }

    /** Whether no order with this id has been created yet. */
    boolean notYetCreated(long orderId) {
        return orderId > highest;
    }

    /** The sequence after which every event of the order lies, as far as known; {@link Long#MIN_VALUE} for the journal's start. */
    long readAfter(long orderId) {
        int low = 0;
        int high = orderIds.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (orderIds.getLong(mid) <= orderId) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? Long.MIN_VALUE : sequences.getLong(found) - 1;
    }

    void writeTo(StateBuffer out) {
        out.putLong(highest);
        out.putInt(orderIds.size());
        for (int i = 0; i < orderIds.size(); i++) {
            out.putLong(orderIds.getLong(i));
            out.putLong(sequences.getLong(i));
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty one. */
    void readFrom(StateBuffer in) {
        highest = in.getLong();
        for (int i = in.getInt(); i > 0; i--) {
            orderIds.addLong(in.getLong());
            sequences.addLong(in.getLong());
        }
    }
}

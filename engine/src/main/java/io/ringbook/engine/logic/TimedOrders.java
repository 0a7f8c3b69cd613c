package io.ringbook.engine.logic;

import java.util.Arrays;

/**
 * Orders that expire at a time (DAY, GTD): a binary min-heap of (expiry, orderId) in
 * primitive arrays, so that a clock tick finds what is due without scanning the books.
 * Ties break by orderId, so expiries happen in the same order on every run. Entries of
 * orders that ended earlier stay until they come due and are then skipped.
 */
final class TimedOrders {

    private long[] times;
    private long[] orderIds;
    private int size;

    TimedOrders(int initialCapacity) {
        times = new long[initialCapacity];
        orderIds = new long[initialCapacity];
    }

    void add(long expireTimeNanos, long orderId) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            orderIds = Arrays.copyOf(orderIds, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(expireTimeNanos, orderId, times[parent], orderIds[parent])) {
                break;
            }
            times[i] = times[parent];
            orderIds[i] = orderIds[parent];
            i = parent;
        }
        times[i] = expireTimeNanos;
        orderIds[i] = orderId;
    }

    /** Whether the earliest entry is due at {@code nowNanos}. */
    boolean hasDue(long nowNanos) {
        return size > 0 && times[0] <= nowNanos;
    }

    /** Removes the earliest entry and returns its orderId. */
    long poll() {
        long head = orderIds[0];
        size--;
        long time = times[size];
        long id = orderIds[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], orderIds[child + 1], times[child], orderIds[child])) {
                child++;
            }
            if (!before(times[child], orderIds[child], time, id)) {
                break;
            }
            times[i] = times[child];
            orderIds[i] = orderIds[child];
            i = child;
        }
        times[i] = time;
        orderIds[i] = id;
        return head;
    }

    int size() {
        return size;
    }

    private static boolean before(long timeA, long idA, long timeB, long idB) {
        return timeA < timeB || (timeA == timeB && idA < idB);
    }
}

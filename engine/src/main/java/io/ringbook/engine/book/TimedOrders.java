package io.ringbook.engine.book;

import java.util.Arrays;

/**
 * Open orders that expire at a time (DAY, GTD), as a binary min-heap by (expiry,
 * orderId), so that a clock tick finds what is due without scanning the books, and
 * ties expire in orderId order on every run. Each order knows its place in the heap,
 * so an order that ends early leaves it at once and the heap never holds the dead.
 */
final class TimedOrders {

    private Order[] heap;
    private int size;

    TimedOrders(int initialCapacity) {
        heap = new Order[Math.max(16, initialCapacity)];
    }

    void add(Order order) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, order);
    }

    void remove(Order order) {
        int index = order.timedIndex;
        order.timedIndex = -1;
        Order last = heap[--size];
        heap[size] = null;
        if (index == size) {
            return;
        }
        if (index > 0 && before(last, heap[(index - 1) >>> 1])) {
            siftUp(index, last);
        } else {
            siftDown(index, last);
        }
    }

    /** The open order expiring first if it is due at {@code nowNanos}, else null. */
    Order due(long nowNanos) {
        return size > 0 && heap[0].expireTimeNanos <= nowNanos ? heap[0] : null;
    }

    int size() {
        return size;
    }

    private void siftUp(int index, Order order) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(order, heap[parent])) {
                break;
            }
            place(i, heap[parent]);
            i = parent;
        }
        place(i, order);
    }

    private void siftDown(int index, Order order) {
        int i = index;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], order)) {
                break;
            }
            place(i, heap[child]);
            i = child;
        }
        place(i, order);
    }

    private void place(int index, Order order) {
        heap[index] = order;
        order.timedIndex = index;
    }

    private static boolean before(Order a, Order b) {
        return a.expireTimeNanos < b.expireTimeNanos
                || (a.expireTimeNanos == b.expireTimeNanos && a.orderId < b.orderId);
    }
}

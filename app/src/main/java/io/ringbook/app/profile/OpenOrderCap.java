package io.ringbook.app.profile;

/**
 * The venue-wide cap on open orders when the configuration sets none
 * ({@code engine.maxOpenOrders}): sized from the heap, so that resting orders can never
 * take more than half of it. Each open order is counted at {@value #BYTES_PER_OPEN_ORDER}
 * bytes, a conservative figure for the engine's order and the gateways' read models
 * together (the budget those aim for is 300 bytes; the other half of the heap is left for
 * the day's flow and everything else). With the default 2 GiB heap that is 1,048,576
 * open orders. Beyond the cap a new order is refused with {@code MAX_OPEN_ORDERS} long
 * before the heap runs out.
 */
public final class OpenOrderCap {

    /** What one open order is budgeted to cost in heap, engine and read models together. */
    public static final long BYTES_PER_OPEN_ORDER = 1024;

    private OpenOrderCap() {
    }

    /** Half of {@code maxHeapBytes} in open orders of {@link #BYTES_PER_OPEN_ORDER}, at least 1. */
    public static long fromHeap(long maxHeapBytes) {
        return Math.max(1, maxHeapBytes / 2 / BYTES_PER_OPEN_ORDER);
    }

    /** The cap for this JVM's maximum heap. */
    public static long forThisJvm() {
        return fromHeap(Runtime.getRuntime().maxMemory());
    }
}

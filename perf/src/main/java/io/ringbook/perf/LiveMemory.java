package io.ringbook.perf;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a run holds after full collections: the heap's live objects and the direct buffers.
 * Both grow with a day's flow: the day clOrdId indexes' arenas are direct memory, so a
 * figure per order that counted the heap alone would leave them out.
 *
 * @param heap   heap in use after the collections, bytes
 * @param direct the JVM's direct buffers, bytes (not the journals' mapped files)
 */
public record LiveMemory(long heap, long direct) {

    /** Measured after two full collections (one each with G1 and ZGC unless told otherwise), which also free unreachable direct buffers. */
    public static LiveMemory afterFullGc() {
        System.gc();
        System.gc();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return new LiveMemory(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), direct);
    }

    /** Heap and direct memory together. */
    public long total() {
        return heap + direct;
    }

    @Override
    public String toString() {
        return String.format("live heap %,d bytes, direct %,d bytes", heap, direct);
    }
}

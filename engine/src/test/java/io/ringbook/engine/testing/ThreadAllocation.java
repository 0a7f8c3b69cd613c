package io.ringbook.engine.testing;

import java.lang.management.ManagementFactory;

/** Heap bytes a live thread has allocated so far (HotSpot's per-thread counter): for tests that a job allocates little. */
public final class ThreadAllocation {

    private ThreadAllocation() {
    }

    /** Bytes allocated by the live thread named {@code name}; fails if there is none. */
    public static long of(String name) {
        Thread thread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no live thread " + name));
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(thread.getId());
    }
}

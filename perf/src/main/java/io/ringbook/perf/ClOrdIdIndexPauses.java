package io.ringbook.perf;

import io.ringbook.engine.book.ClOrdIdIndex;
import io.ringbook.engine.domain.ClOrdId;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The longest pause the day's clOrdId index puts on the logic thread: fills the engine's
 * index ({@link ClOrdIdIndex#forDays}) with a day of ids (default 10M, one account per
 * 100) in a client style, then a second day, timing every lookup and insert (so the worst
 * includes a segment split; a slow one during which a GC ran is counted apart), each day
 * followed by a loop that only reads the clock for as long (the control: the pauses it
 * sees too are the machine's); then times a snapshot of the full index: the logic
 * thread's part (the count and a view of the arena) and, apart, the walk the snapshot
 * thread does. Run with the JVM flags of docs/TUNING.md and {@code -Xlog:gc} (to tell GC
 * pauses apart). With a warm-up count, a throwaway index of its own is filled with that many
 * ids first and dropped, so that the measured index's first day meets a JVM that has
 * compiled the code and run its collector's warm-up cycles, as an engine that has run for
 * a while, with an index built after it (on memory the collector may have had from the
 * throwaway one):
 * {@code java -cp perf/target/benchmarks.jar io.ringbook.perf.ClOrdIdIndexPauses [ids] [expected] [style] [warm-up ids]}.
 */
public final class ClOrdIdIndexPauses {

    /** Days filled, one after another: the first on memory the JVM never used, the next on the first's. */
    private static final int DAYS = 2;

    private ClOrdIdIndexPauses() {
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /**
     * The machine's own pauses, as a control: for as long as the fill took, a loop that only
     * reads the clock; its worst gap and its gaps over 100 us are the VM's and the JVM's
     * (descheduling, safepoints), not the index's.
     */
    private static void hiccups(long nanos) {
        long last = System.nanoTime();
        long end = last + nanos;
        long worst = 0;
        long over100us = 0;
        while (last < end) {
            long now = System.nanoTime();
            long gap = now - last;
            worst = Math.max(worst, gap);
            if (gap > 100_000) {
                over100us++;
            }
            last = now;
        }
        System.out.printf("control, a loop reading the clock as long: worst gap %.1f us, %d over 100 us%n", worst / 1e3, over100us);
    }

    /** Fills the index with a day of ids, timing each find+put, then the control for as long. */
    private static void fill(ClOrdIdIndex index, int ids, int expected, ClOrdIdStyle style) {
        ClOrdId id = new ClOrdId();
        StringBuilder text = new StringBuilder();
        long worst = 0;
        long worstAt = 0;
        long over100us = 0;
        long worstSplit = 0;
        long withGc = 0;
        long gcs = collections();
        long splitsBefore = index.splits();
        long start = System.nanoTime();
        for (int n = 1; n <= ids; n++) {
            style.write(n, id, text);
            long splits = index.splits();
            long before = System.nanoTime();
            if (index.find(n % 100, id) == 0) {
                index.put(n % 100, id, n);
            }
            long took = System.nanoTime() - before;
            if (took > 100_000) {
                long now = collections();
                if (now != gcs) {
                    gcs = now;
                    withGc++;
                    continue;
                }
            }
            if (index.splits() != splits) {
                worstSplit = Math.max(worstSplit, took);
            }
            if (took > worst) {
                worst = took;
                worstAt = n;
            }
            if (took > 100_000) {
                over100us++;
            }
        }
        long fill = System.nanoTime() - start;
        System.out.printf("%,d %s ids into an index built for %,d: %.0f ns per find+put (with id formatting), %d segment splits, %,d MB%n",
                ids, style, expected, (double) fill / ids, index.splits() - splitsBefore, index.footprintBytes() >> 20);
        System.out.printf("worst find+put %.1f us (id %,d), %d over 100 us (not counting %d during a GC); worst with a split %.1f us%n",
                worst / 1e3, worstAt, over100us, withGc, worstSplit / 1e3);
        hiccups(fill);
    }

    public static void main(String[] args) {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int expected = args.length > 1 ? Integer.parseInt(args[1]) : 65_536;
        ClOrdIdStyle style = args.length > 2 ? ClOrdIdStyle.valueOf(args[2]) : ClOrdIdStyle.ORD_PADDED;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (warmUp > 0) {
            System.out.printf("warm-up, a throwaway index:%n");
            fill(ClOrdIdIndex.forDays(warmUp), warmUp, warmUp, style);
            System.gc();
        }
        ClOrdIdIndex index = ClOrdIdIndex.forDays(expected);
        for (int day = 1; day <= DAYS; day++) {
            if (day > 1) {
                index.startNewDay();
            }
            System.out.printf("day %d:%n", day);
            fill(index, ids, expected, style);
        }
        StateBuffer buffer = new StateBuffer(64 << 20);
        for (int round = 0; round < 3; round++) {
            long before = System.nanoTime();
            DeferredState entries = index.writeDeferred(buffer.clear());
            long logicPart = System.nanoTime() - before;
            entries.writeTo(buffer);
            System.out.printf("snapshot of the index: %.3f ms on the logic thread, then %.1f ms on the snapshot thread, %,d MB%n",
                    logicPart / 1e6, (System.nanoTime() - before - logicPart) / 1e6, buffer.length() >> 20);
        }
    }
}

package io.ringbook.perf;

import io.ringbook.engine.book.ClOrdIdIndex;
import io.ringbook.engine.domain.ClOrdId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The day's clOrdId index looking up an id sent again: a cancel or amend naming an order
 * replaced or done, or a duplicate (in the amend-heavy flow about one command in ten is
 * an amend or cancel refused as unknown or too late, counted in docs/PERFORMANCE.md).
 * Unlike a new id, such an id passes the filter and the account's ceiling, so the lookup
 * reads the table and, for a client numbering upwards, searches the account's run. The
 * index holds a day of {@link #ids} ids of 100 accounts in a client style and is built for
 * 16M (as {@code bench} builds it); each lookup is of an id among the {@link #back} used
 * before the day's last 1,024, which cover the group of up to 512 the index still holds
 * apart. A day of UUIDs needs a 3 GiB heap: run it with the command in
 * docs/PERFORMANCE.md, not the 2 GiB every benchmark forks with by default.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClOrdIdSentAgainBenchmark extends EngineBenchmark {

    private static final int ACCOUNTS = 100;
    private static final int PROBES = 1 << 16;
    /** Ids at the day's end that may still wait in the index's group, not looked up. */
    private static final int LAST_GROUP = 1024;

    /** How ids are written: {@code c<row>} (each account's ids grow) or UUID strings (random order). */
    @Param({"ROW", "UUID"})
    public ClOrdIdStyle style;

    /** How far back the ids looked up were used: a moment ago, or anywhere in the day. */
    @Param({"1000", "10000000"})
    public int back;

    /** The day's ids so far. */
    @Param("10000000")
    public int ids;

    private ClOrdIdIndex index;
    private final ClOrdId[] probes = new ClOrdId[PROBES];
    private final int[] accounts = new int[PROBES];
    private int next;

    @Setup
    public void fill() {
        index = ClOrdIdIndex.forDays(LoadHarness.CLORDIDS_PER_RUN);
        ClOrdId id = new ClOrdId();
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= ids; n++) {
            style.write(n, id, text);
            index.put(n % ACCOUNTS, id, n);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < PROBES; i++) {
            int n = ids - LAST_GROUP - random.nextInt(Math.min(back, ids - LAST_GROUP));
            probes[i] = new ClOrdId();
            style.write(n, probes[i], text);
            accounts[i] = n % ACCOUNTS;
        }
    }

    @Benchmark
    public long findAnIdSentAgain() {
        int i = next++ & (PROBES - 1);
        return index.find(accounts[i], probes[i]);
    }
}

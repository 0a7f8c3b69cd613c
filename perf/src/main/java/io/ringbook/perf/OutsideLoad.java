package io.ringbook.perf;

import io.ringbook.engine.pipeline.EpochClock;
import org.HdrHistogram.Histogram;

/**
 * {@code bench --via rest|fix --target HOST:PORT}: the harness as an outside client of an
 * engine running in another process (started with {@code ringbook start}), so that what
 * is measured is what a client sees, without the harness sharing the server's JVM. Paced
 * and open-loop like the in-process runs: latency runs from each order's intended send
 * time, so a stalled server is charged for every order it delayed.
 */
final class OutsideLoad {

    private OutsideLoad() {
    }

    /**
     * @param keys        "FIRST,SECOND": for REST the buyer's and the seller's API keys; for FIX the passwords of T1
     *                    (who sells) and T2 (who buys), so the demo's "t1-key,t2-key" serves both; for FIX one password
     *                    alone sends every order over T1's one session
     * @param subscribers WebSocket sessions ({@link StreamFanout}) following the book, trades and orders meanwhile (REST keys)
     * @param inlineFix   FIX clients without their own thread hops ({@link FixLoad#drive})
     */
    static LoadHarness.Run run(String via, String target, String keys, int subscribers, boolean inlineFix, long rate, long warmupSeconds,
                               long durationSeconds) throws Exception {
        int colon = target.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--target is HOST:PORT, not " + target);
        }
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        String[] pair = keys.split(",", 2);
        boolean oneSession = via.equals("fix") && pair.length == 1;
        if (pair.length != 2 && !oneSession) {
            throw new IllegalArgumentException("--keys is FIRST,SECOND, not " + keys);
        }
        EpochClock clock = EpochClock.system();
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        StreamFanout streams = subscribers == 0 ? null : new StreamFanout(host, port, pair, subscribers);
        long[] window;
        try {
            window = via.equals("rest")
                    ? RestLoad.drive(host, port, pair[0], pair[1], "TEST", clock, histogram, rate, warmupSeconds, durationSeconds)
                    : oneSession ? FixLoad.drive(host, port, "T1", pair[0], "T1", pair[0], "TEST", inlineFix, clock, histogram, rate, warmupSeconds, durationSeconds)
                    : FixLoad.drive(host, port, "T2", pair[1], "T1", pair[0], "TEST", inlineFix, clock, histogram, rate, warmupSeconds, durationSeconds);
        } finally {
            if (streams != null) {
                streams.report();
                streams.close();
            }
        }
        return new LoadHarness.Run("of the target", histogram, window[0], window[1]);
    }
}

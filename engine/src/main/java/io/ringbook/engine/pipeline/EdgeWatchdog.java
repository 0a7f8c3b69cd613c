package io.ringbook.engine.pipeline;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the outbound consumers that may be cut off (the edges) from a thread of its
 * own and cuts off one that holds events without taking any for {@link #GRACE_NANOS},
 * or that stays more than three quarters of the ring behind for as long. So a stalled
 * gateway or read model holds back the replies (which follow the edges), the output
 * journal where it follows them too, and the business logic (once the ring is full) for
 * at most that long. The logic thread itself never decides this: it only waits for the
 * ring as its producer, and the watchdog frees it. Where the output journal follows the
 * edges on their thread ({@link OutputJournalThread#FOLLOWING}), the time that thread
 * spends in the journal is not counted against the edges (a slow disk must not cut them
 * off in its place; the journal is never cut off): an edge's clocks are moved on by the
 * journal's time between two checks, so an edge is cut off after a second of its own
 * stall or slowness however the thread's time was shared.
 *
 * <p>Time counts only while the watchdog itself runs: a gap between two of its checks
 * longer than {@link #MAX_STEP_NANOS} (a collection that stopped every thread, or a
 * machine that left it without a core) counts as that step only. An edge that was stopped
 * with everything else has not stalled, and cutting it off for that would stop the read
 * models and the gateways' reports until a restart. The price: on a machine so starved
 * that the watchdog's 5 ms sleeps last longer than that step, a stalled edge holds the
 * replies and the logic for more than a second of wall time (at worst the grace times
 * the ratio of a real gap to {@link #MAX_STEP_NANOS}).
 */
final class EdgeWatchdog implements AutoCloseable {

    /**
     * Far longer than this machine's scheduling hiccups (tens of ms) and an edge's slowest
     * honest event (the first failure it logs in full): cutting an edge off is final.
     */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CHECK_MILLIS = 5;
    /** The most a gap between two checks counts for: ten checks' worth. */
    static final long MAX_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10 * CHECK_MILLIS);

    private final List<OutboundConsumer> edges;
    private final long farBehind;
    private final long[] lastSequence;
    private final long[] stuckSince;
    private final long[] behindSince;
    private final long[] trailed;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastCheck;
    /** The time the watchdog has watched for: its clock, without the gaps it could not see. */
    private long watched;

    EdgeWatchdog(List<OutboundConsumer> consumers, int ringSize) {
        this.edges = consumers.stream().filter(OutboundConsumer::mayBeCutOff).toList();
        this.farBehind = ringSize / 4L * 3;
        this.lastSequence = new long[edges.size()];
        this.stuckSince = new long[edges.size()];
        this.behindSince = new long[edges.size()];
        this.trailed = new long[edges.size()];
        this.thread = new Thread(this::watch, "ringbook-edge-watchdog");
        thread.setDaemon(true);
    }

    void start() {
        if (!edges.isEmpty()) {
            thread.start();
        }
    }

    private void watch() {
        begin(System.nanoTime());
        while (running) {
            checkAll(System.nanoTime());
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes each edge's position at {@code now} as the start of its watch. */
    void begin(long now) {
        lastCheck = now;
        watched = 0;
        for (int i = 0; i < edges.size(); i++) {
            lastSequence[i] = edges.get(i).processor().getSequence().get();
            stuckSince[i] = 0;
            behindSince[i] = 0;
            trailed[i] = edges.get(i).trailedNanos(now);
        }
    }

    /** Checks every edge at {@code now} (a {@link System#nanoTime} reading). */
    void checkAll(long now) {
        long step = Math.min(now - lastCheck, MAX_STEP_NANOS);
        watched += step;
        lastCheck = now;
        for (int i = 0; i < edges.size(); i++) {
            check(i, edges.get(i), now, step);
        }
    }

    private void check(int i, OutboundConsumer edge, long clock, long step) {
        if (edge.isCutOff()) {
            return;
        }
        long now = watched;
        long sequence = edge.processor().getSequence().get();
        long lag = edge.lag();
        // the time its thread spent writing the output journal that follows it: neither the edge's stall nor its slowness
        long trailedNow = Math.max(trailed[i], edge.trailedNanos(clock));
        long inJournal = Math.min(trailedNow - trailed[i], step);
        trailed[i] = trailedNow;
        if (lag == 0 || sequence != lastSequence[i]) {
            lastSequence[i] = sequence;
            stuckSince[i] = now;
        } else {
            stuckSince[i] += inJournal;
        }
        if (lag < farBehind) {
            behindSince[i] = now;
        } else {
            behindSince[i] += inJournal;
        }
        if (now - stuckSince[i] > GRACE_NANOS) {
            edge.cutOff("took no event for " + TimeUnit.NANOSECONDS.toMillis(GRACE_NANOS) + " ms with " + lag + " waiting");
        } else if (now - behindSince[i] > GRACE_NANOS) {
            edge.cutOff("stayed more than " + farBehind + " events behind for " + TimeUnit.NANOSECONDS.toMillis(GRACE_NANOS) + " ms");
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

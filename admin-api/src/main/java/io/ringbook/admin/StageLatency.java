package io.ringbook.admin;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.EpochClock;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;
import org.HdrHistogram.Recorder;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Latency per stage of every command, from the stamps its last event carries: ingress
 * -> journaled -> decided -> reported (when this listener sees it on the outbound
 * thread), and end to end. Recorded on the outbound thread into wait-free HdrHistogram
 * {@link Recorder}s, so the business logic pays only the two clock reads that stamp
 * the events. Read by the admin API as a rolling interval, the last
 * {@value #WINDOW_SECONDS} seconds (so that any number of dashboards and scrapers read
 * the same figures; no reader resets another's window), and since start (or the last
 * reset). Values in microseconds. What the recorders hold is moved into one-second
 * slots at least once a second ({@link #start}) and on every read.
 */
public final class StageLatency implements EngineListener, AutoCloseable {

    /** The rolling interval's length. */
    public static final int WINDOW_SECONDS = 10;
    /** Up to a minute, three significant digits. */
    private static final long HIGHEST = 60_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    static final List<String> STAGES = List.of("ingressToJournaled", "journaledToDecided", "decidedToReported", "endToEnd");

    private final EpochClock clock;
    private final Recorder[] recorders = new Recorder[STAGES.size()];
    private final Histogram[] sinceStart = new Histogram[STAGES.size()];
    private Histogram[] recycled = new Histogram[STAGES.size()];
    /** One slot per second of the window, each holding the second it was collected in ({@code slotSecond}). */
    private final AbstractHistogram[][] slots = new AbstractHistogram[WINDOW_SECONDS][STAGES.size()];
    private final long[] slotSecond = new long[WINDOW_SECONDS];
    private ScheduledExecutorService roller;

    public StageLatency(EpochClock clock) {
        this.clock = clock;
        for (int i = 0; i < STAGES.size(); i++) {
            recorders[i] = new Recorder(HIGHEST, 3);
            sinceStart[i] = new Histogram(HIGHEST, 3);
            for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
                slots[slot][i] = new IntCountsHistogram(HIGHEST, 3);
            }
        }
        Arrays.fill(slotSecond, Long.MIN_VALUE);
    }

    /** Collects once a second from now on, so that the window moves even while nobody reads. */
    public synchronized void start() {
        if (roller == null) {
            roller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ringbook-latency-window");
                thread.setDaemon(true);
                return thread;
            });
            roller.scheduleAtFixedRate(this::roll, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (roller != null) {
            roller.shutdownNow();
        }
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (!event.lastOfCommand || event.ingressNanos == 0 || event.journaledNanos == 0) {
            return;
        }
        long reported = clock.epochNanos();
        record(0, event.journaledNanos - event.ingressNanos);
        record(1, event.decidedNanos - event.journaledNanos);
        record(2, reported - event.decidedNanos);
        record(3, reported - event.ingressNanos);
    }

    /**
     * {@code {"intervalSeconds":10,"interval":{stage:{count,p50,...}},"sinceStart":{...}}};
     * the interval is what was recorded in the last {@value #WINDOW_SECONDS} seconds,
     * whoever else reads.
     */
    public synchronized Map<String, Object> report() {
        roll();
        long now = second();
        Map<String, Object> intervalJson = new LinkedHashMap<>();
        Map<String, Object> sinceStartJson = new LinkedHashMap<>();
        for (int i = 0; i < STAGES.size(); i++) {
            Histogram window = new Histogram(HIGHEST, 3);
            for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
                if (now - slotSecond[slot] < WINDOW_SECONDS) {
                    window.add(slots[slot][i]);
                }
            }
            intervalJson.put(STAGES.get(i), summary(window));
            sinceStartJson.put(STAGES.get(i), summary(sinceStart[i]));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intervalSeconds", WINDOW_SECONDS);
        json.put("interval", intervalJson);
        json.put("sinceStart", sinceStartJson);
        return json;
    }

    /** A percentile since start, in microseconds (for the metrics). */
    public synchronized double percentileSinceStart(String stage, double percentile) {
        roll();
        return micros(sinceStart[STAGES.indexOf(stage)].getValueAtPercentile(percentile));
    }

    /** New histograms: what was recorded so far is dropped. */
    public synchronized void reset() {
        for (int i = 0; i < STAGES.size(); i++) {
            recorders[i].reset();
            sinceStart[i].reset();
        }
        recycled = new Histogram[STAGES.size()];
        Arrays.fill(slotSecond, Long.MIN_VALUE);
    }

    /** Moves what the recorders hold into since-start and into the current second's slot. */
    synchronized void roll() {
        long now = second();
        int slot = (int) Math.floorMod(now, (long) WINDOW_SECONDS);
        if (slotSecond[slot] != now) {
            for (AbstractHistogram stale : slots[slot]) {
                stale.reset();
            }
            slotSecond[slot] = now;
        }
        for (int i = 0; i < STAGES.size(); i++) {
            recycled[i] = recorders[i].getIntervalHistogram(recycled[i]);
            sinceStart[i].add(recycled[i]);
            slots[slot][i].add(recycled[i]);
        }
    }

    private long second() {
        return Math.floorDiv(clock.epochNanos(), SECOND);
    }
    private void record(int stage, long nanos) {
        recorders[stage].recordValue(Math.min(HIGHEST, Math.max(0, nanos)));
    }

    private static Map<String, Object> summary(Histogram h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", h.getTotalCount());
        json.put("p50", micros(h.getValueAtPercentile(50)));
        json.put("p90", micros(h.getValueAtPercentile(90)));
        json.put("p99", micros(h.getValueAtPercentile(99)));
        json.put("p99_9", micros(h.getValueAtPercentile(99.9)));
        json.put("p99_99", micros(h.getValueAtPercentile(99.99)));
        json.put("max", micros(h.getMaxValue()));
        return json;
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }
}

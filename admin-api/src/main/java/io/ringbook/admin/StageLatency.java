package io.ringbook.admin;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.EpochClock;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency per stage of every command, from the stamps its last event carries: ingress
 * -> journaled -> decided -> reported (when this listener sees it on the outbound
 * thread), and end to end. Recorded on the outbound thread into wait-free HdrHistogram
 * {@link Recorder}s, so the business logic pays only the two clock reads that stamp
 * the events; read by the admin API as an interval (since the previous read) and since
 * start (or the last reset). Values in microseconds.
 */
public final class StageLatency implements EngineListener {

    /** Up to a minute, three significant digits. */
    private static final long HIGHEST = 60_000_000_000L;
    static final List<String> STAGES = List.of("ingressToJournaled", "journaledToDecided", "decidedToReported", "endToEnd");

    private final EpochClock clock;
    private final Recorder[] recorders = new Recorder[STAGES.size()];
    private final Histogram[] sinceStart = new Histogram[STAGES.size()];
    private Histogram[] recycled = new Histogram[STAGES.size()];
    /** What was collected since the admin API last asked, or null. */
    private Histogram[] pending;

    public StageLatency(EpochClock clock) {
        this.clock = clock;
        for (int i = 0; i < STAGES.size(); i++) {
            recorders[i] = new Recorder(HIGHEST, 3);
            sinceStart[i] = new Histogram(HIGHEST, 3);
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
     * {@code {"interval":{stage:{count,p50,...}},"sinceStart":{...}}}; the interval is what
     * was recorded since the previous call of this method.
     */
    public synchronized Map<String, Object> report() {
        Map<String, Object> intervalJson = new LinkedHashMap<>();
        Map<String, Object> sinceStartJson = new LinkedHashMap<>();
        Histogram[] fresh = collect();
        for (int i = 0; i < STAGES.size(); i++) {
            intervalJson.put(STAGES.get(i), summary(fresh[i]));
            sinceStartJson.put(STAGES.get(i), summary(sinceStart[i]));
        }
        pending = null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("interval", intervalJson);
        json.put("sinceStart", sinceStartJson);
        return json;
    }

    /** A percentile since start, in microseconds (for the metrics; does not end the admin API's interval). */
    public synchronized double percentileSinceStart(String stage, double percentile) {
        collect();
        return micros(sinceStart[STAGES.indexOf(stage)].getValueAtPercentile(percentile));
    }

    /** New histograms: what was recorded so far is dropped. */
    public synchronized void reset() {
        for (int i = 0; i < STAGES.size(); i++) {
            recorders[i].reset();
            sinceStart[i].reset();
        }
        recycled = new Histogram[STAGES.size()];
        pending = null;
    }

    /** Moves what the recorders hold into since-start, keeping it as the pending interval too; returns that interval. */
    private Histogram[] collect() {
        if (pending == null) {
            pending = new Histogram[STAGES.size()];
            for (int i = 0; i < STAGES.size(); i++) {
                pending[i] = new Histogram(HIGHEST, 3);
            }
        }
        for (int i = 0; i < STAGES.size(); i++) {
            recycled[i] = recorders[i].getIntervalHistogram(recycled[i]);
            sinceStart[i].add(recycled[i]);
            pending[i].add(recycled[i]);
        }
        return pending;
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

package io.ringbook.admin;

import io.ringbook.engine.event.EngineEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The latency interval is the last ten seconds of wall time, rolling: readers do not
 * reset each other's window, and what was recorded leaves the window ten seconds later
 * while staying in the since-start figures.
 */
class StageLatencyTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final StageLatency latency = new StageLatency(now::get);

    @Test
    void shouldKeepWhatWasRecordedInTheWindowForEveryReaderUntilItIsTenSecondsOld() {
        command(3);
        assertEquals(3, interval(), "the first reader");
        assertEquals(3, interval(), "a second reader sees the same");
        now.addAndGet(4 * SECOND);
        command(2);
        assertEquals(5, interval());
        now.addAndGet(7 * SECOND);
        assertEquals(2, interval(), "the first three are eleven seconds old");
        now.addAndGet(4 * SECOND);
        assertEquals(0, interval());
        assertEquals(5, sinceStart());
    }

    @Test
    void shouldCountWhatArrivedBetweenReadsEvenWhenNobodyReadsForLong() {
        command(1);
        latency.roll();
        now.addAndGet(60 * SECOND);
        command(4);
        assertEquals(4, interval(), "only the recent four: the first left the window");
        latency.reset();
        assertEquals(0, interval());
        assertEquals(0, sinceStart());
    }

    private void command(int times) {
        for (int i = 0; i < times; i++) {
            EngineEvent event = new EngineEvent();
            event.lastOfCommand = true;
            event.ingressNanos = now.get() - 30_000;
            event.journaledNanos = now.get() - 20_000;
            event.decidedNanos = now.get() - 10_000;
            latency.onEvent(event);
        }
    }

    @SuppressWarnings("unchecked")
    private long interval() {
        return (Long) ((Map<String, Object>) ((Map<String, Object>) latency.report().get("interval")).get("endToEnd")).get("count");
    }

    @SuppressWarnings("unchecked")
    private long sinceStart() {
        return (Long) ((Map<String, Object>) ((Map<String, Object>) latency.report().get("sinceStart")).get("endToEnd")).get("count");
    }
}

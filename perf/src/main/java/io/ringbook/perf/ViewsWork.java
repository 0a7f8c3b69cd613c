package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.risk.RiskBoard;
import io.ringbook.views.ReadModels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The read models' work per command, the edges' thread's share in {@code ./ringbook start}
 * (and in {@code ./ringbook bench --read-models}), in CPU nanoseconds of one thread: the
 * flow's commands are decided by the business logic on this thread, their events copied
 * into a buffer of {@value #BUFFERED} events, and each full buffer applied to the read
 * models (orders, positions, depth, trades) in a block timed alone, as the edges' thread
 * takes a batch. All commands fall on one day of event time, as in a bench run. The
 * events come from this core's cache here, from the other core's in the pipeline, so the
 * pipeline's figure is higher by that.
 *
 * <pre>java ... -cp perf/target/benchmarks.jar io.ringbook.perf.ViewsWork [realistic|amend-heavy] [commands]</pre>
 */
public final class ViewsWork {

    private static final int BUFFERED = 4096;
    private static final long DAY_START_NANOS = 1_767_225_600_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ViewsWork() {
    }

    public static void main(String[] args) {
        BenchScenario scenario = BenchScenario.parse(args.length > 0 ? args[0] : "amend-heavy");
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 4_000_000;
        for (int round = 0; round < 3; round++) {
            TimedBatches views = run(scenario, commands);
            double measured = commands - commands / 2;
            System.out.printf(Locale.ROOT, "round %d  %-11s read models %6.0f CPU ns/cmd (%.2f events/cmd)%n", round,
                    scenario.name().toLowerCase(Locale.ROOT), views.cpuNanos / measured, views.delivered / measured);
        }
    }

    /** The read models' CPU time and events over the second half of {@code commands} (the first half warms up). */
    private static TimedBatches run(BenchScenario scenario, int commands) {
        ReferenceData data = BenchRisk.ALL.referenceData(scenario.accounts());
        CommandFlow flow = scenario.flow(42, data, ClOrdIdStyle.NONE, 0);
        ReadModels models = new ReadModels(data.accounts().size(), data.symbols().size(), EpochClock.system());
        TimedBatches views = new TimedBatches(models.listeners());
        BusinessLogic logic = BenchRisk.ALL.logic(data, new RiskBoard(data.risk()), new ListenerSink(views), 1 << 16, commands);
        for (int sequence = 1; sequence <= commands; sequence++) {
            if (sequence == commands / 2) {
                views.flush();
                views.cpuNanos = 0;
                views.delivered = 0;
            }
            Command command = flow.next();
            command.sequence = sequence;
            command.eventTimeNanos = DAY_START_NANOS + sequence * 1_000L;
            logic.process(command);
        }
        views.flush();
        return views;
    }

    /** Keeps copies of the events and hands each full buffer to the listeners, timing only that. */
    private static final class TimedBatches implements EngineListener {

        private final EngineListener[] listeners;
        private final EngineEvent[] events = new EngineEvent[BUFFERED];
        private int size;
        long cpuNanos;
        long delivered;

        TimedBatches(List<EngineListener> listeners) {
            this.listeners = listeners.toArray(EngineListener[]::new);
            for (int i = 0; i < BUFFERED; i++) {
                events[i] = new EngineEvent();
            }
        }

        @Override
        public void onEvent(EngineEvent event) {
            events[size++].copyFrom(event);
            if (size == BUFFERED) {
                flush();
            }
        }

        void flush() {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < size; i++) {
                for (EngineListener listener : listeners) {
                    listener.onEvent(events[i]);
                }
            }
            for (EngineListener listener : listeners) {
                listener.onEndOfBatch();
            }
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            delivered += size;
            size = 0;
        }
    }
}

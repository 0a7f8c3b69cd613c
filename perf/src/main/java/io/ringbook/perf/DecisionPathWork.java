package io.ringbook.perf;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.pipeline.DecisionPath;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.risk.RiskBoard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The pipeline's decision thread's work on one thread, in CPU nanoseconds per command:
 * full batches of a flow's commands copied into inbound slots and decided by the engine's
 * own decision stage, its events written into the slots of an outbound ring (or, with
 * {@code scratch}, into one event as {@link PipelineWork} does). Set against the logic
 * thread's CPU per command in {@code ./ringbook bench} (the same flow, the threads
 * handing over through the rings), it tells whether the pipeline's extra is on the
 * decision thread's own path or in the hand-offs. {@code wall} stamps wall-clock time, so
 * the whole run is one trading day, as in {@code bench} (whose day index is built for
 * {@value LoadHarness#CLORDIDS_PER_RUN} ids when the flow uses clOrdIds; 4M before the
 * seventeenth session); {@code days} makes a trading day of every 2^20 commands with an index
 * built for them, as {@link PipelineWork} does. No journal.
 *
 * <pre>java ... -cp perf/target/benchmarks.jar io.ringbook.perf.DecisionPathWork [realistic|amend-heavy] [none|ord_padded|dash|row|digits16|uuid] [commands] [wall|days] [ring|scratch] [outbound slots, 16384]</pre>
 */
public final class DecisionPathWork {

    private static final int BATCH = 256;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecisionPathWork() {
    }

    public static void main(String[] args) {
        BenchScenario scenario = BenchScenario.parse(arg(args, 0, "amend-heavy"));
        ClOrdIdStyle ids = ClOrdIdStyle.valueOf(arg(args, 1, "row").toUpperCase(Locale.ROOT));
        int commands = Integer.parseInt(arg(args, 2, "6000000"));
        boolean wall = !arg(args, 3, "wall").equals("days");
        boolean scratch = arg(args, 4, "ring").equals("scratch");
        int slots = Integer.parseInt(arg(args, 5, "16384"));
        if (commands < 2 * BATCH) {
            throw new IllegalArgumentException("at least " + 2 * BATCH + " commands: half warm up, the rest is measured");
        }
        for (int round = 0; round < 3; round++) {
            double[] work = run(scenario, ids, commands, wall, scratch, slots);
            System.out.printf(Locale.ROOT, "round %d  %-11s ids %-10s %-4s %-10s %5.2f events/cmd %6.0f CPU ns/cmd%n", round,
                    scenario.name().toLowerCase(Locale.ROOT), ids.name().toLowerCase(Locale.ROOT), wall ? "wall" : "days",
                    scratch ? "scratch" : "ring " + slots, work[1], work[0]);
        }
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

    /**
     * CPU nanoseconds per command over the batches from the middle of {@code commands} on
     * (the first half warms up), and the events per command over the whole run.
     */
    private static double[] run(BenchScenario scenario, ClOrdIdStyle ids, int commands, boolean wall, boolean scratch, int slots) {
        ReferenceData data = BenchRisk.ALL.referenceData(scenario.accounts());
        CommandFlow flow = scenario.flow(42, data, ids, wall ? 0 : PipelineWork.COMMANDS_PER_DAY);
        long[] dayTime = new long[1];
        EpochClock clock = wall ? EpochClock.system() : () -> dayTime[0];
        long[] events = new long[1];
        DecisionPath path = new DecisionPath(sink -> BenchRisk.ALL.logic(data, new RiskBoard(data.risk()), sink, 1 << 16,
                wall ? LoadHarness.clOrdIdsFor(scenario, ids, LoadHarness.CLORDIDS_PER_RUN) : PipelineWork.COMMANDS_PER_DAY), scratch ? new ListenerSink(event -> events[0]++) : null,
                clock, BATCH, slots);
        long start = -1;
        long measured = 0;
        long decided = 0;
        while (decided < commands) {
            if (start < 0 && decided >= commands / 2) {
                start = THREADS.getCurrentThreadCpuTime();
            }
            for (int i = 0; i < BATCH; i++) {
                path.slot(i).copyFrom(flow.next());
            }
            // the batch's time is its first command's, as PipelineWork stamps each command: a day every 2^20 commands
            dayTime[0] = (decided + 1) * PipelineWork.NANOS_PER_COMMAND;
            path.decide();
            decided += BATCH;
            if (start >= 0) {
                measured += BATCH;
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        return new double[] {cpu / (double) measured, (scratch ? events[0] : path.eventsPublished()) / (double) decided};
    }
}

package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.OutputJournal;
import io.ringbook.risk.RiskBoard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The work the pipeline does per command, on one thread and without rings, in CPU
 * nanoseconds of that thread (so a machine shared with other work slows it but hardly
 * changes it): the input journal's append, the business logic (every risk check on),
 * and each event encoded and appended by the output journal, both journals appending
 * once per {@value #BATCH} commands as a busy pipeline batches them. Set against the CPU
 * per command that {@code ./ringbook bench} prints per thread, it separates the work from
 * what the hand-offs between threads cost (waiting, waking, the rings' cache misses). The
 * one copy per event into the output's listener stands in for the ring slot the logic
 * writes in the pipeline; pages are touched by the journal's own pre-toucher thread, not
 * counted here.
 *
 * With a clOrdId style, every order of the realistic flow carries one (checked against the
 * day's, a trading day per 2^20 commands, as in {@link BusinessLogicBenchmark}): the
 * business logic's cost per id style in CPU time, where JMH's wall-clock figures are
 * the machine's load.
 *
 * <pre>java ... -cp perf/target/benchmarks.jar io.ringbook.perf.PipelineWork [realistic|amend-heavy] [none|ord_padded|dash|row|digits16|uuid] [commands] [dir] [off,input,on]</pre>
 */
public final class PipelineWork {

    private static final int BATCH = 64;
    /**
     * The one-thread benchmarks' event time: a trading day per this many commands, each
     * stamped this much later than the one before, so the logic's per-day clOrdId index
     * holds up to a million ids (as many as it is built for), then starts over.
     */
    static final int COMMANDS_PER_DAY = 1 << 20;
    static final long NANOS_PER_COMMAND = 86_400_000_000_000L / COMMANDS_PER_DAY;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PipelineWork() {
    }

    public static void main(String[] args) {
        BenchScenario scenario = BenchScenario.parse(args.length > 0 ? args[0] : "realistic");
        ClOrdIdStyle ids = ClOrdIdStyle.valueOf((args.length > 1 ? args[1] : "none").toUpperCase(Locale.ROOT));
        int commands = args.length > 2 ? Integer.parseInt(args[2]) : 4_000_000;
        Path dir = Path.of(args.length > 3 ? args[3] : "/dev/shm");
        String[] journals = (args.length > 4 ? args[4] : "off,input,on").split(",");
        for (int round = 0; round < 3; round++) {
            for (String journal : journals) {
                System.out.printf(Locale.ROOT, "round %d  %-11s ids %-10s journal %-5s %6.0f CPU ns/cmd%n", round,
                        scenario.name().toLowerCase(Locale.ROOT), ids.name().toLowerCase(Locale.ROOT), journal,
                        run(scenario, ids, journal, commands, dir));
            }
        }
    }

    /** CPU nanoseconds per command over the second half of {@code commands} (the first half warms up). */
    private static double run(BenchScenario scenario, ClOrdIdStyle ids, String journal, int commands, Path dir) {
        ReferenceData data = BenchRisk.ALL.referenceData(scenario.accounts());
        CommandFlow flow = scenario.flow(42, data, ids, COMMANDS_PER_DAY);
        try (BenchJournal directory = new BenchJournal(dir)) {
            InputJournal input = journal.equals("off") ? null : new InputJournal(directory.journal());
            OutputJournal output = journal.equals("on") ? new OutputJournal(directory.journal()) : null;
            long[] events = new long[1];
            EngineListener listener = output != null ? output : event -> events[0]++;
            BusinessLogic logic = BenchRisk.ALL.logic(data, new RiskBoard(data.risk()), new ListenerSink(listener), 1 << 16, COMMANDS_PER_DAY);
            long start = 0;
            long time = 0;
            for (int sequence = 1; sequence <= commands; sequence++) {
                if (sequence == commands / 2) {
                    start = THREADS.getCurrentThreadCpuTime();
                }
                Command command = flow.next();
                command.sequence = sequence;
                time += NANOS_PER_COMMAND;
                command.eventTimeNanos = time;
                if (input != null) {
                    input.append(command);
                }
                logic.process(command);
                if ((sequence & (BATCH - 1)) == 0) {
                    if (input != null) {
                        input.endOfBatch();
                    }
                    if (output != null) {
                        output.onEndOfBatch();
                    }
                }
            }
            return (THREADS.getCurrentThreadCpuTime() - start) / (double) (commands - commands / 2);
        }
    }
}

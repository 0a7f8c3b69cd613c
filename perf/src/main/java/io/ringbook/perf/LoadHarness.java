package io.ringbook.perf;

import io.ringbook.app.ConfigOption;
import io.ringbook.app.DurabilityOption;
import io.ringbook.app.WaitStrategyOptions;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.OutputJournal;
import io.ringbook.risk.RiskBoard;
import io.ringbook.views.ReadModels;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ringbook bench}: the end-to-end load and latency harness of the in-process
 * pipeline. Paced mode (a rate) is open-loop: command i is due at start + i/rate, and
 * its latency runs from that intended time, however late the sender got to it, so a
 * stall shows up in every command it delayed (no coordinated omission). Burst mode
 * (rate 0) publishes as fast as the ring takes commands and reports throughput.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, resourceBundle = "io.ringbook.perf.BenchOptionHelp", description = "Load and latency harness of the in-process pipeline.")
public final class LoadHarness implements Callable<Integer> {

    @Option(names = "--via", defaultValue = "inproc", description = "inproc, rest, fix (rest and fix: paced only, end to end through the gateway on loopback) "
            + "or cluster (three Aeron Cluster nodes in this JVM and a cluster client, after the same run of the in-process engine).")
    String via;

    @Option(names = "--rate", defaultValue = "100000", description = "Commands per second; 0 for a burst (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--duration", defaultValue = "10", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Seconds run before measuring (default: ${DEFAULT-VALUE}).")
    long warmupSeconds;

    @Mixin
    WaitStrategyOptions waits = new WaitStrategyOptions("blocking", "blocking");

    @Option(names = "--journal", defaultValue = "on",
            description = "on (input and output journals), input (commands only, to see what the output journal costs) or off (default: ${DEFAULT-VALUE}).")
    String journal;

    @Option(names = "--journal-dir", defaultValue = "${java.io.tmpdir}", description = "Where the journal goes, e.g. /dev/shm for tmpfs (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    @Mixin
    DurabilityOption durability = new DurabilityOption("process-crash");

    @Option(names = "--keep-journal", description = "Keep the journal's data directory (for ringbook replay) and print where it is.")
    boolean keepJournal;

    @Option(names = "--control", description = "First run the same scenario without a journal, and print the journaled run's ratios to it.")
    boolean control;

    @Option(names = "--ceilings", description = "Also run, in the same JVM and on the same scenario, the ring with a trivial handler and "
            + "the ring with only the batched input journal, and print Ringbook's figures as ratios of them (inproc only).")
    boolean ceilings;

    @Option(names = "--risk", defaultValue = "all",
            description = "Pre-trade risk: all (every check and breaker on, limits wide enough never to refuse the flow) or none (default: ${DEFAULT-VALUE}).")
    String risk;

    @Option(names = "--orders", paramLabel = "FILE.csv",
            description = "Play an order file (API.md) once through the in-process pipeline instead of the generated flow: "
                    + "paced by --rate (its times are not used), its first --warmup seconds not measured; --duration does not apply.")
    Path orders;

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "With --via rest or fix: drive an engine already running at HOST:PORT (its REST or FIX port) from this "
                    + "process, as an outside client does, instead of one started in it; its rate limits must let the load through.")
    String target;

    @Option(names = "--keys", paramLabel = "FIRST,SECOND", defaultValue = "t1-key,t2-key",
            description = "With --target: the buyer's and the seller's API key (REST), or T1's and T2's FIX password (default: ${DEFAULT-VALUE}, the demo's); one FIX password alone sends every order over T1's one session.")
    String keys;

    @Option(names = "--fix-client", defaultValue = "standard",
            description = "With --target --via fix: standard (QuickFIX/J's SocketInitiator: a message-processor thread, MINA's I/O thread "
                    + "writes) or inline (received messages handled and sent messages written by the thread at hand: the client's own "
                    + "two wake-ups less per round trip) (default: ${DEFAULT-VALUE}).")
    String fixClient;

    @Option(names = "--subscribers", paramLabel = "N", defaultValue = "0",
            description = "With --target --via rest: N WebSocket sessions follow TEST's book and trades and their account's orders "
                    + "meanwhile (keys of --keys in turn); prints book gaps, slow consumers and the fan-out latency.")
    int subscribers;

    @Option(names = "--scenario", defaultValue = "realistic",
            description = "The generated flow: realistic (the mixed flow, 4 accounts) or amend-heavy (82%% price amends by origClOrdId, "
                    + "10%% GTC, 3%% IOC, 5%% cancels, ~1,000 resting orders around a random-walk mid, 100 accounts, clOrdIds c<row>) "
                    + "(default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated flow (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clordids", defaultValue = "none",
            description = "ClOrdIds of the realistic flow's new orders: none, ord_padded (ORD%%08d), dash (c-%%d), row (c<row>), "
                    + "digits16 (%%016d) or uuid (default: ${DEFAULT-VALUE}).")
    String clOrdIds;

    @Option(names = "--read-models", description = "Also serve the views module's read models on the edges' thread, as ./ringbook start "
            + "does (without it the edges run only the latency recorder; REST and FIX doors are never part of an inproc run).")
    boolean readModels;

    @Mixin
    ConfigOption config;

    @Option(names = "--results", defaultValue = "perf/results", description = "Where the .hgrm file goes (default: ${DEFAULT-VALUE}).")
    Path results;

    /**
     * The clOrdIds a run's day index is built for: every row of the amend-heavy flow uses one,
     * and a run stamps wall-clock time, so a whole run is one day (a burst of 7 s at 2 M
     * commands a second uses 14 M), as an operator sets {@code engine.clOrdIdsPerDay}; beyond
     * this it grows. The index takes 58-62 bytes of heap an id made at start (about 1 GB of
     * the 2 GiB heap).
     */
    static final int CLORDIDS_PER_RUN = 1 << 24;

    /** The same for each of the bench cluster's three nodes, in one JVM, whose burst (about 350,000 commands a second) uses fewer. */
    static final int CLORDIDS_PER_CLUSTER_RUN = 1 << 22;

    private static final int FULL_RING_YIELDS = 10;
    private static final long FULL_RING_PARK_NANOS = 20_000;

    /** The CPU per command of the last in-process run's measured window, per thread ({@link ThreadCpu}). */
    private String cpuPerCommand = "";

    public static void main(String[] args) {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(new CommandLine(new LoadHarness()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (via.equals("cluster")) {
            return clusterAndSingleProcess();
        }
        if (!via.equals("inproc") && (rate == 0 || orders != null)) {
            System.err.println("bench: --via rest|fix runs paced (--rate N) with the generated flow; bursts and order files run --via inproc");
            return 2;
        }
        if (orders != null && rate > 0 && flow(referenceData(BenchRisk.NONE)) instanceof OrderFileFlow file
                && file.size() <= warmupSeconds * rate) {
            System.err.println("bench: " + orders + " has " + file.size() + " commands, all used by a warm-up of " + warmupSeconds
                    + " s at " + rate + "/s; lower --warmup or --rate");
            return 2;
        }
        if (target != null) {
            if (via.equals("inproc") || control || ceilings) {
                System.err.println("bench: --target drives a running engine --via rest or fix, without --control or --ceilings");
                return 2;
            }
            if (!fixClient.equals("standard") && !fixClient.equals("inline")) {
                System.err.println("bench: --fix-client is standard or inline, not " + fixClient);
                return 2;
            }
            Run outside = OutsideLoad.run(via, target, keys, subscribers, fixClient.equals("inline"), rate, warmupSeconds, durationSeconds);
            report(outside);
            Histogram h = outside.histogram();
            System.out.printf("bench: %d orders to %s, %.0f orders/s, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                    outside.commands(), target, outside.throughput(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
            return 0;
        }
        Run control = this.control && !journal.equals("off") ? run("off") : null;
        if (control != null) {
            report(control);
        }
        Run measured = run(journal);
        if (measured.commands() <= 0) {
            System.err.println("bench: nothing was measured: " + orders + " ended within the warm-up; lower --warmup");
            return 2;
        }
        report(measured);
        if (ceilings && via.equals("inproc")) {
            Run bare = ceiling(null);
            report(bare);
            ratio("the bare ring", measured, bare);
            if (!journal.equals("off")) {
                Run journaled = ceiling(journal);
                report(journaled);
                ratio("the ring + input journal", measured, journaled);
            }
        }
        if (control != null) {
            System.out.printf("vs control throughput x%.2f", measured.throughput() / control.throughput());
            if (rate > 0) {
                System.out.printf(", p50 x%.2f, p99 x%.2f",
                        (double) measured.histogram().getValueAtPercentile(50) / Math.max(1, control.histogram().getValueAtPercentile(50)),
                        (double) measured.histogram().getValueAtPercentile(99) / Math.max(1, control.histogram().getValueAtPercentile(99)));
            }
            System.out.println();
        }
        Histogram h = measured.histogram();
        System.out.printf("bench: %d commands, %.0f cmd/s, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                measured.commands(), measured.throughput(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
        return 0;
    }

    /** The in-process engine with its journals, then the cluster, on the same flow and rate; the cluster's figures as ratios. */
    private int clusterAndSingleProcess() throws Exception {
        via = "inproc";
        Run single = run(journal);
        report(single);
        via = "cluster";
        EpochClock clock = EpochClock.system();
        LatencyRecorder recorder = new LatencyRecorder(clock);
        ReferenceData data = BenchRisk.parse(risk).referenceData();
        long[] window;
        try (ClusterLoad cluster = new ClusterLoad(data, recorder, journalDir, durability.durability() == Durability.POWER_LOSS ? 1 : 0,
                clOrdIdsPerRun(CLORDIDS_PER_CLUSTER_RUN), readModels ? new ReadModels(data.accounts().size(), data.symbols().size(), clock).listeners() : List.of())) {
            CommandFlow flow = flow(data);
            window = rate > 0 ? paced(cluster, clock, recorder, flow) : burst(cluster, clock, recorder, flow);
            long sent = System.nanoTime();
            long drained = cluster.awaitDrained(recorder);
            if (rate == 0) {
                // a burst counts what the client took; the cluster has decided it only once the backlog has drained
                window[1] += Math.max(0, drained - sent);
            }
            System.out.println("cluster    " + cluster.decidedOfSent());
        }
        Run measured = new Run("cluster", recorder.histogram(), window[0], window[1]);
        report(measured);
        ratio("the single-process engine", measured, single);
        return 0;
    }

    /**
     * The clOrdIds the day index is sized for, {@code perRun} for a flow that uses them: the
     * realistic flow without clOrdIds (the default) uses none, so the smallest index (65,536
     * ids), not one whose arena would take hundreds of megabytes for nothing (in each of the
     * bench cluster's three nodes too).
     */
    int clOrdIdsPerRun(int perRun) {
        return orders != null ? perRun
                : clOrdIdsFor(BenchScenario.parse(scenario), ClOrdIdStyle.valueOf(clOrdIds.trim().toUpperCase(Locale.ROOT)), perRun);
    }

    /** As {@link #clOrdIdsPerRun} for a generated flow: {@code perRun}, or the smallest index for the realistic flow without clOrdIds. */
    static int clOrdIdsFor(BenchScenario scenario, ClOrdIdStyle ids, int perRun) {
        return scenario == BenchScenario.REALISTIC && ids == ClOrdIdStyle.NONE ? 1 << 16 : perRun;
    }

    /** Prints a run's throughput and latency as ratios of a ceiling's. */
    private void ratio(String ceiling, Run run, Run limit) {
        System.out.printf("vs %s: throughput %.0f%% of its", ceiling, 100 * run.throughput() / limit.throughput());
        if (rate > 0) {
            System.out.printf(", p50 x%.2f, p99 x%.2f of its",
                    (double) run.histogram().getValueAtPercentile(50) / Math.max(1, limit.histogram().getValueAtPercentile(50)),
                    (double) run.histogram().getValueAtPercentile(99) / Math.max(1, limit.histogram().getValueAtPercentile(99)));
        }
        System.out.println();
    }

    /** A ceiling run: the same flow into the ring alone ({@code journalMode} null) or the ring + the input journal. */
    private Run ceiling(String journalMode) throws Exception {
        EpochClock clock = EpochClock.system();
        LatencyRecorder recorder = new LatencyRecorder(clock);
        String label = journalMode == null ? "ceiling-ring" : "ceiling-ring+journal";
        try (BenchJournal benchJournal = journalMode == null ? null
                : new BenchJournal(journalDir, durability.durability(), false, referenceData(BenchRisk.NONE));
             Ceilings ring = new Ceilings(waits.logic(),
                     benchJournal == null ? null : new InputJournal(benchJournal.journal()), recorder)) {
            age();
            CommandFlow flow = flow(referenceData(BenchRisk.NONE));
            long[] window = rate > 0 ? paced(ring, clock, recorder, flow) : burst(ring, clock, recorder, flow);
            return new Run(label, recorder.histogram(), window[0], window[1], cpuPerCommand);
        }
    }

    /**
     * Runs one full collection after the in-process engine (or a ceiling's ring) is built
     * and before the warm-up, so that what the engine preallocated (the rings' slots, the
     * books, the order pool, the day's index) is where it is in any engine that has run
     * past its first collections: in the old generation on G1 or the parallel collector. A
     * run on state still young measures a state no long-running engine is in: under G1 a
     * store of a reference into an old object pays the collector's write barrier (a fence,
     * then a card to dirty and queue), and the amend-heavy burst ran at 1.1-1.2 M commands/s
     * with young rings and 0.50-0.52 M with old ones. ZGC, the engine's collector, has no
     * generations on JDK 17: 1.02-1.04 M without the collection, 1.11-1.17 M after it
     * (measured, docs/PERFORMANCE.md). The engines that {@code --via rest|fix} build are
     * not collected first: those runs are paced, for latency.
     */
    private static void age() {
        System.gc();
    }

    /** Where the load goes: Ringbook's command publisher, or a ceiling's bare ring. */
    @FunctionalInterface
    interface Door {
        boolean tryPublishAt(long ingressNanos, CommandPublisher.CommandWriter writer);
    }

    /** One measured run: its journal mode, latency histogram, commands measured and over how long. */
    record Run(String journal, Histogram histogram, long commands, long nanos, String cpu) {
        Run(String journal, Histogram histogram, long commands, long nanos) {
            this(journal, histogram, commands, nanos, "");
        }

        double throughput() {
            return commands * 1e9 / nanos;
        }
    }

    private Run run(String journalMode) throws Exception {
        boolean journaled = !journalMode.equals("off");
        EpochClock clock = EpochClock.system();
        LatencyRecorder recorder = new LatencyRecorder(clock);
        BenchRisk riskMode = BenchRisk.parse(risk);
        ReferenceData data = referenceData(riskMode);
        RiskBoard board = new RiskBoard(data.risk());
        try (BenchJournal benchJournal = journaled ? new BenchJournal(journalDir, durability.durability(), keepJournal, data) : null) {
            EnginePipeline.Builder builder = EnginePipeline.builder(sink -> riskMode.logic(data, board, sink, 1 << 16, clOrdIdsPerRun(CLORDIDS_PER_RUN)))
                    .config(PipelineConfig.DEFAULTS.withWaitStrategy(waits.logic())
                            .withOutboundWait(waits.outbound()).withSnapshotIntervalMillis(0)
                            .withOutputJournalThread(journalThread()))
                    .clock(clock)
                    .listener(recorder);
            if (readModels) {
                new ReadModels(data.accounts().size(), data.symbols().size(), clock).listeners().forEach(builder::listener);
            }
            if (journaled) {
                builder.journal(new InputJournal(benchJournal.journal()));
                if (journalMode.equals("on")) {
                    builder.outputJournal(new OutputJournal(benchJournal.journal()));
                }
            }
            long[] window;
            if (via.equals("rest") || via.equals("fix")) {
                window = via.equals("rest")
                        ? RestLoad.run(builder, data, board, clock, recorder.histogram(), rate, warmupSeconds, durationSeconds)
                        : FixLoad.run(builder, data, clock, recorder.histogram(), rate, warmupSeconds, durationSeconds);
                if (keepJournal && benchJournal != null) {
                    System.out.println("journal    kept in " + benchJournal.directory());
                }
                return new Run(journalMode, recorder.histogram(), window[0], window[1]);
            }
            try (EnginePipeline pipeline = builder.build().start()) {
                age();
                CommandFlow flow = flow(data);
                window = rate > 0 ? paced(pipeline.publisher()::tryPublishAt, clock, recorder, flow)
                        : burst(pipeline.publisher()::tryPublishAt, clock, recorder, flow);
                while (!pipeline.isIdle()) {
                    Thread.sleep(1);
                }
                reportCutOff(pipeline);
            }
            if (keepJournal && benchJournal != null) {
                System.out.println("journal    kept in " + benchJournal.directory());
            }
            return new Run(journalMode, recorder.histogram(), window[0], window[1], cpuPerCommand);
        }
    }

    /**
     * Says so when the watchdog cut an outbound consumer off during the run (read models
     * that could not keep up, say): the figures then leave out the work it stopped doing.
     */
    private static void reportCutOff(EnginePipeline pipeline) {
        for (HealthComponent component : pipeline.health()) {
            Object cutOff = component.check().details().get("cutOff");
            if (cutOff != null && !cutOff.equals("none")) {
                System.out.println("cut off    " + cutOff + " (the figures leave out what it no longer did)");
            }
        }
    }

    /** The commands of a run: the order file's, or the scenario's generated flow (the same for the same seed). */
    private CommandFlow flow(ReferenceData data) throws IOException {
        return orders != null ? new OrderFileFlow(orders, data)
                : BenchScenario.parse(scenario).flow(seed, data, ClOrdIdStyle.valueOf(clOrdIds.trim().toUpperCase(Locale.ROOT)), 0);
    }

    /** The profile's symbols, accounts and limits ({@code --config}), else the demo symbols with the scenario's accounts. */
    private ReferenceData referenceData(BenchRisk mode) {
        return config.path() != null ? mode.of(config.profile().referenceData())
                : mode.referenceData(BenchScenario.parse(scenario).accounts());
    }

    /** Publishes at the rate until the duration (or the flow) ends; returns {commands measured, measured nanos}. */
    private long[] paced(Door publisher, EpochClock clock, LatencyRecorder recorder, CommandFlow flow) {
        CopyingWriter writer = new CopyingWriter();
        long interval = 1_000_000_000L / rate;
        long warmupCommands = warmupSeconds * rate;
        long total = warmupCommands + durationSeconds * rate;
        long start = clock.epochNanos() + 1_000_000;
        recorder.measureFrom(start + warmupCommands * interval);
        ThreadCpu cpu = null;
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            if (cpu == null && i >= warmupCommands) {
                cpu = ThreadCpu.start();
            }
            while (clock.epochNanos() < intended) {
                Thread.onSpinWait();
            }
            writer.source = flow.next();
            if (writer.source == null) {
                total = i;
                break;
            }
            while (!publisher.tryPublishAt(intended, writer)) {
                Thread.onSpinWait();
            }
        }
        cpuPerCommand = cpu == null ? "" : cpu.perCommand(total - warmupCommands);
        return new long[] {total - warmupCommands, (total - warmupCommands) * interval};
    }

    /** Publishes as fast as the ring takes commands for warm-up plus duration (or until the flow ends); returns {commands measured, measured nanos}. */
    private long[] burst(Door publisher, EpochClock clock, LatencyRecorder recorder, CommandFlow flow) {
        CopyingWriter writer = new CopyingWriter();
        long measureFrom = clock.epochNanos() + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + durationSeconds * 1_000_000_000L;
        recorder.measureFrom(measureFrom);
        long measured = 0;
        ThreadCpu cpu = null;
        for (long now = clock.epochNanos(); now < end; now = clock.epochNanos()) {
            if (cpu == null && now >= measureFrom) {
                cpu = ThreadCpu.start();
            }
            for (int i = 0; i < 1024; i++) {
                writer.source = flow.next();
                if (writer.source == null) {
                    break;
                }
                for (int full = 0; !publisher.tryPublishAt(now, writer); full++) {
                    waitForRoom(full);
                }
                if (now >= measureFrom) {
                    measured++;
                }
            }
            if (writer.source == null) {
                break;
            }
        }
        cpuPerCommand = cpu == null ? "" : cpu.perCommand(measured);
        return new long[] {measured, Math.max(0, Math.min(clock.epochNanos(), end) - measureFrom)};
    }

    /**
     * A burst's sender facing a full ring: yields a few times, then parks for
     * {@value #FULL_RING_PARK_NANOS} ns at a time, as a door's thread would rather than
     * spin, so a sender that is ahead takes no core from the pipeline it waits for (on two
     * cores, a spinning sender cost a Ringbook run more CPU per command than its logic).
     */
    private static void waitForRoom(int attempts) {
        if (attempts < FULL_RING_YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(FULL_RING_PARK_NANOS);
        }
    }

    /** The output journal's thread as given, or as chosen for this machine's cores. */
    private OutputJournalThread journalThread() {
        return waits.outputJournalThread() != null ? waits.outputJournalThread()
                : OutputJournalThread.forCores(Runtime.getRuntime().availableProcessors());
    }

    private void report(Run run) throws IOException {
        PrintStream out = System.out;
        Histogram histogram = run.histogram();
        if (target != null) {
            out.printf("scenario   " + via + " to %s from this process (the engine's own settings), rate %d%n", target, rate);
        } else {
            out.printf("scenario   " + via + (orders == null && via.equals("inproc") ? " " + scenario : "") + ", logic %s, outbound %s, rate %s, journal %s%n", waits.logicName(), waits.outboundName(),
                    rate == 0 ? "burst" : Long.toString(rate),
                    run.journal().equals("off") ? "off" : run.journal() + " (" + journalDir + ", " + durability.name()
                            + (run.journal().equals("on") ? ", output journal " + journalThread().configName()
                            + (waits.outputJournalThread() == null ? " for " + Runtime.getRuntime().availableProcessors() + " cores" : "") : "") + ")");
        }
        out.printf("throughput %.0f cmd/s over %.1f s (%d commands%s)%n", run.throughput(), run.nanos() / 1e9, run.commands(),
                orders == null ? "" : " of " + orders);
        if (!run.cpu().isEmpty()) {
            out.println("cpu        " + run.cpu());
        }
        if (rate > 0) {
            out.println(via.equals("rest") ? "latency from intended send time to HTTP response, microseconds:"
                    : via.equals("fix") ? "latency from intended send time to the NewOrderSingle's first ExecutionReport, microseconds:"
                    : "latency from intended send time to last event delivered, microseconds:");
            for (double percentile : new double[] {50, 90, 99, 99.9, 99.99}) {
                out.printf("  p%-6s %10.1f%n", trim(percentile), histogram.getValueAtPercentile(percentile) / 1000.0);
            }
            out.printf("  max     %10.1f%n", histogram.getMaxValue() / 1000.0);
            Files.createDirectories(results);
            Path file = results.resolve(target != null ? String.format(via + "-target-%s.hgrm", rate)
                    : String.format(via + (orders == null ? "" : "-orders") + "-%s-%s-%s-journal-%s%s.hgrm", waits.logicName(), waits.outboundName(), rate,
                            run.journal(), run.journal().equals("on") ? "-" + journalThread().configName() : ""));
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(file))) {
                histogram.outputPercentileDistribution(hgrm, 1000.0);
            }
            out.println("histogram  " + file);
        }
    }

    private static String trim(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }

    /** Copies a prepared command into the ring slot; one instance, no per-command lambda. */
    static final class CopyingWriter implements CommandPublisher.CommandWriter {
        io.ringbook.engine.command.Command source;

        @Override
        public void write(io.ringbook.engine.command.Command slot) {
            slot.copyFrom(source);
        }
    }
}

package io.ringbook.perf;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.OutputJournal;
import io.ringbook.risk.RiskBoard;
import io.ringbook.views.ReadModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Memory of the engine and its read models, measured as live heap after a full GC,
 * through the real pipeline (input and output journals in a temporary directory, the
 * business logic, the views module's read models on the outbound side). Two modes:
 * {@code --resting N} rests N orders and reports the bytes each costs; {@code --soak N}
 * runs N orders of a flow whose open orders stay flat (resting orders that are taken by
 * IOC orders, and IOC orders that find nothing) as fast as the pipeline takes them,
 * reporting the live heap every million orders: flat when memory follows open orders.
 * Not part of {@code mvn verify} (docs/TUNING.md).
 */
@Command(name = "memory", mixinStandardHelpOptions = true, description = "Live heap per resting order, and a memory soak.")
public final class MemorySoak implements Callable<Integer> {

    private static final long MID = 1_000_000;

    @Option(names = "--resting", description = "Rest this many orders and report bytes per resting order.")
    long resting;

    @Option(names = "--soak", description = "Run this many orders of a flat-open-orders flow, live heap every --every orders.")
    long soak;

    @Option(names = "--every", defaultValue = "1000000", description = "Orders between two heap reports (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--rate", defaultValue = "0",
            description = "Orders per second, 0 for as fast as the pipeline takes them (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--accounts", defaultValue = "8", description = "Accounts the orders are spread over (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--views", defaultValue = "true", arity = "1",
            description = "Register the views module's read models (false: the engine alone) (default: ${DEFAULT-VALUE}).")
    boolean withViews;

    @Option(names = "--outbound-ring", defaultValue = "16384",
            description = "Events the outbound ring holds (a power of two): a larger one lets the read models fall behind longer on a"
                    + " loaded machine before they are cut off (default, the app's: ${DEFAULT-VALUE}).")
    int outboundRing;

    @Option(names = "--hold", description = "After the run, wait for Enter (to take a heap histogram with jcmd).")
    boolean hold;

    @Option(names = "--journal-dir", defaultValue = "${java.io.tmpdir}", description = "Where the journals go (default: ${DEFAULT-VALUE}).")
    Path journalDir;

    private long clOrdIds;
    private long firstNanos;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MemorySoak()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ReferenceData data = BenchRisk.NONE.referenceData(accounts);
        RiskBoard board = new RiskBoard(data.risk());
        EpochClock clock = EpochClock.system();
        List<EngineListener> views = new ReadModels(accounts, data.symbols().size(), clock).listeners();
        int clOrdIdsPerDay = (int) Math.min(1 << 26, Math.max(resting, soak) + 1024);
        try (BenchJournal journal = new BenchJournal(journalDir, Durability.PROCESS_CRASH, false, data)) {
            EnginePipeline.Builder builder = EnginePipeline.builder(sink -> BenchRisk.NONE.logic(data, board, sink, 1 << 16, clOrdIdsPerDay))
                    .config(outboundRing(PipelineConfig.DEFAULTS.withSnapshotIntervalMillis(0)))
                    .clock(clock)
                    .journal(new InputJournal(journal.journal()))
                    .outputJournal(new OutputJournal(journal.journal()));
            if (withViews) {
                views.forEach(builder::listener);
            }
            try (EnginePipeline pipeline = builder.build().start()) {
                CommandPublisher publisher = pipeline.publisher();
                settle(pipeline);
                long baseline = liveHeap();
                System.out.printf("baseline   live heap %,d bytes after start (journals, pools, read models empty)%n", baseline);
                if (resting > 0) {
                    rest(publisher, pipeline, baseline);
                }
                if (soak > 0) {
                    soak(publisher, pipeline, baseline);
                }
                if (hold) {
                    System.out.println("holding: press Enter to stop");
                    System.in.read();
                }
            }
        }
        return 0;
    }

    /** Rests {@code resting} orders, both sides of both demo symbols, and reports what each costs. */
    private void rest(CommandPublisher publisher, EnginePipeline pipeline, long baseline) throws InterruptedException {
        long started = System.nanoTime();
        for (long i = 0; i < resting; i++) {
            boolean buy = (i & 1) == 0;
            long level = 1 + (i >> 1) % 2000;
            publish(publisher, (int) (i % accounts), (int) ((i >> 2) & 1), buy ? Side.BUY : Side.SELL, TimeInForce.GTC,
                    buy ? MID - level : MID + level, 1 + i % 10);
        }
        settle(pipeline);
        double seconds = (System.nanoTime() - started) / 1e9;
        requireEdges(pipeline);
        long live = liveHeap();
        System.out.printf("resting    %,d orders in %.1f s (%,.0f/s); live heap %,d bytes: %,d bytes per resting order%n",
                resting, seconds, resting / seconds, live, (live - baseline) / resting);
    }

    /**
     * Open orders stay flat: each round rests a sell, takes it with an IOC buy (two fills,
     * two done orders) and sends an IOC sell that finds no bid (canceled at once).
     */
    private void soak(CommandPublisher publisher, EnginePipeline pipeline, long baseline) throws InterruptedException {
        long started = System.nanoTime();
        long window = started;
        for (long i = 1; i <= soak; i++) {
            int account = (int) (i % accounts);
            int symbol = (int) ((i >> 3) & 1);
            switch ((int) (i % 3)) {
                case 0 -> publish(publisher, account, symbol, Side.SELL, TimeInForce.GTC, MID + 5, 2);
                case 1 -> publish(publisher, (account + 1) % accounts, symbol, Side.BUY, TimeInForce.IOC, MID + 5, 2);
                default -> publish(publisher, account, symbol, Side.SELL, TimeInForce.IOC, MID - 50_000, 1);
            }
            if (i % every == 0) {
                settle(pipeline);
                long now = System.nanoTime();
                requireEdges(pipeline);
                long live = liveHeap();
                System.out.printf("soak       %,d orders, %,.0f/s over the last %,d; live heap %,d bytes (%+,d over baseline)%n",
                        i, every / ((now - window) / 1e9), every, live, live - baseline);
                window = System.nanoTime();
            }
        }
        System.out.printf("soak       %,d orders in %.1f s, no OutOfMemoryError%n", soak, (System.nanoTime() - started) / 1e9);
    }

    private void publish(CommandPublisher publisher, int account, int symbol, Side side, TimeInForce tif, long price, long lots) {
        String clOrdId = "m" + Long.toString(++clOrdIds, 36);
        CommandPublisher.CommandWriter writer = slot -> slot.newOrder(account, symbol, side, OrderType.LIMIT, tif, price, lots)
                .clOrdId.set(clOrdId);
        if (firstNanos == 0) {
            firstNanos = System.nanoTime();
        }
        long wait = rate > 0 ? firstNanos + clOrdIds * 1_000_000_000L / rate - System.nanoTime() : 0;
        if (wait > 0) {
            // parked, not spinning, and at least a millisecond (the orders due meanwhile go in a burst): on two cores a
            // spinning publisher takes the core the outbound thread needs
            LockSupport.parkNanos(Math.max(wait, 1_000_000));
        }
        while (!publisher.tryPublish(writer)) {
            Thread.onSpinWait();
        }
    }

    private PipelineConfig outboundRing(PipelineConfig config) {
        return new PipelineConfig(config.ringSize(), config.waitStrategy(), outboundRing, config.outboundWait(), config.maxBatchSize(),
                config.clockTickMillis(), config.snapshotIntervalMillis(), config.outputJournalThread());
    }

    /** A figure from read models that stopped receiving events would mean nothing: stop if the edges were cut off. */
    private static void requireEdges(EnginePipeline pipeline) {
        for (HealthComponent component : pipeline.health()) {
            Object cutOff = component.check().details().get("cutOff");
            if (cutOff != null && !"none".equals(cutOff)) {
                throw new IllegalStateException("the read models were cut off (" + cutOff + "): run again with a lower --rate");
            }
        }
    }

    private static void settle(EnginePipeline pipeline) throws InterruptedException {
        while (!pipeline.isIdle()) {
            Thread.sleep(1);
        }
    }

    /** Heap in use after two full collections (System.gc is a full GC with G1 unless told otherwise). */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

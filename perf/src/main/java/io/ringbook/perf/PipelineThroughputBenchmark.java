package io.ringbook.perf;

import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.OutputJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Burst throughput of the whole pipeline, with the journal off (the control) or on
 * disk or tmpfs: one producer thread publishes {@value #BURST} commands of the realistic
 * mix as fast as the inbound ring takes them, and the operation ends when the last is
 * decided and its events are delivered (and journaled). Three threads share two cores
 * here: the producer, the decision thread and the outbound thread (wait strategies as
 * parameters).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineThroughputBenchmark extends EngineBenchmark {

    static final int BURST = 1_000_000;

    @Param({"YIELDING", "SLEEPING", "BLOCKING", "BUSY_SPIN"})
    public String waitStrategy;

    @Param({"BLOCKING", "PARKING"})
    public String outboundWait;

    /** off, disk (the JVM's temp directory; ext4 here) or tmpfs (/dev/shm). */
    @Param({"off", "disk", "tmpfs"})
    public String journal;

    private RecordedFlow flow;
    private EnginePipeline pipeline;
    private BenchJournal benchJournal;
    private CommandPublisher publisher;
    private final LoadHarness.CopyingWriter writer = new LoadHarness.CopyingWriter();

    @Setup(Level.Trial)
    public void setUp() {
        flow = new RecordedFlow(42, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1 << 16, ClOrdIdStyle.NONE, 0);
        PipelineConfig config = PipelineConfig.DEFAULTS.withWaitStrategy(WaitStrategyKind.valueOf(waitStrategy))
                .withOutboundWait(WaitStrategyKind.valueOf(outboundWait)).withClockTickMillis(0).withSnapshotIntervalMillis(0);
        EnginePipeline.Builder builder = EnginePipeline.builder(sink ->
                        new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, sink, 1 << 16))
                .config(config);
        if (!journal.equals("off")) {
            benchJournal = new BenchJournal(Path.of(journal.equals("tmpfs") ? "/dev/shm" : System.getProperty("java.io.tmpdir")));
            builder.journal(new InputJournal(benchJournal.journal())).outputJournal(new OutputJournal(benchJournal.journal()));
        }
        pipeline = builder.build().start();
        publisher = pipeline.publisher();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
        if (benchJournal != null) {
            benchJournal.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void burst() {
        for (int i = 0; i < BURST; i++) {
            writer.source = flow.next();
            while (!publisher.tryPublish(writer)) {
                Thread.yield();
            }
        }
        while (!pipeline.isIdle()) {
            Thread.yield();
        }
    }
}

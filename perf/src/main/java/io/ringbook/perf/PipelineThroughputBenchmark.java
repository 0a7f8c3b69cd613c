package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.engine.testing.DemoMarket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Burst throughput of the whole pipeline without a journal: one producer thread
 * publishes {@value #BURST} commands of the realistic mix as fast as the inbound ring
 * takes them, and the operation ends when the last is decided and its events are
 * delivered to the (empty) outbound side. Three threads share two cores here: the
 * producer, the decision thread (wait strategy as the parameter) and the outbound
 * thread (blocking).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PipelineThroughputBenchmark {

    static final int BURST = 1_000_000;

    @Param({"YIELDING", "SLEEPING", "BLOCKING", "BUSY_SPIN"})
    public String waitStrategy;

    @Param({"PARKING", "SLEEPING", "BLOCKING"})
    public String outboundWait;

    @Param({"4096"})
    public int ringSize;

    private RecordedFlow flow;
    private EnginePipeline pipeline;
    private CommandPublisher publisher;
    private final CopyingWriter writer = new CopyingWriter();

    @Setup(Level.Trial)
    public void setUp() {
        flow = new RecordedFlow(42, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1 << 16);
        PipelineConfig config = PipelineConfig.DEFAULTS.withWaitStrategy(WaitStrategyKind.valueOf(waitStrategy))
                .withOutboundWait(WaitStrategyKind.valueOf(outboundWait)).withClockTickMillis(0).withRingSizes(ringSize, ringSize * 4);
        pipeline = EnginePipeline.builder(sink ->
                        new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.ACCEPT_ALL, sink, 1 << 16))
                .config(config).build().start();
        publisher = pipeline.publisher();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
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

    /** Copies a prepared command into the ring slot; one instance, no per-command lambda. */
    private static final class CopyingWriter implements CommandPublisher.CommandWriter {
        Command source;

        @Override
        public void write(Command slot) {
            slot.copyFrom(source);
        }
    }
}

package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The business logic alone, one command per operation, on the realistic mix of
 * {@link RecordedFlow} (about 55% limit orders, some crossing, 15% cancels, 8% amends,
 * IOC/FOK/market/post-only/DAY/GTD orders, mass cancels and clock ticks) for four
 * accounts on one symbol. Run with {@code -prof gc} to see allocation per command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessLogicBenchmark extends EngineBenchmark {

    private RecordedFlow flow;
    private CountingSink sink;
    private BusinessLogic logic;
    private long sequence;
    private long time;

    @Setup(Level.Trial)
    public void setUp() {
        flow = new RecordedFlow(42, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1 << 16);
        sink = new CountingSink();
        logic = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.ACCEPT_ALL, sink, 1 << 16);
    }

    @Benchmark
    public long decideOneCommand() {
        Command command = flow.next();
        command.sequence = ++sequence;
        time += RecordedFlow.NANOS_PER_COMMAND;
        command.eventTimeNanos = time;
        logic.process(command);
        return sink.checksum();
    }
}

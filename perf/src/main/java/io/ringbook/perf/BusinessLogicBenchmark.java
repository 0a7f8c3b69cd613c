package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.testing.DemoMarket;
import io.ringbook.risk.RiskBoard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The business logic alone, one command per operation, on the realistic mix of
 * {@link RecordedFlow} (about 55% limit orders, some crossing, 15% cancels, 8% amends,
 * IOC/FOK/market/post-only/DAY/GTD orders, mass cancels and clock ticks) for four
 * accounts on one symbol, with and without a clOrdId on every order (checked against the day's),
 * with and without every pre-trade check on ({@link BenchRisk}). Run with {@code -prof gc} to
 * see allocation per command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessLogicBenchmark extends EngineBenchmark {

    /**
     * Event time per command: a trading day per 2^20 commands, so the logic's per-day
     * clOrdId index holds about a million orders at its largest, then starts over.
     */
    private static final long NANOS_PER_COMMAND = 86_400_000_000_000L >> 20;

    /** Whether every order carries a clOrdId (checked against the day's; the contract's case) or none. */
    @Param({"true", "false"})
    public boolean clOrdIds;

    /** Pre-trade risk: none, or every check and breaker on with wide limits. */
    @Param({"NONE", "ALL"})
    public BenchRisk risk;

    private RecordedFlow flow;
    private CountingSink sink;
    private BusinessLogic logic;
    private long sequence;
    private long time;

    @Setup(Level.Trial)
    public void setUp() {
        flow = new RecordedFlow(42, DemoMarket.ACCOUNTS, DemoMarket.TEST, 1 << 16, clOrdIds);
        sink = new CountingSink();
        ReferenceData data = risk.referenceData();
        logic = risk.logic(data, new RiskBoard(data.risk()), sink, 1 << 16);
    }

    @Benchmark
    public long decideOneCommand() {
        Command command = flow.next();
        command.sequence = ++sequence;
        time += NANOS_PER_COMMAND;
        command.eventTimeNanos = time;
        logic.process(command);
        return sink.checksum();
    }
}

package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.logic.BusinessLogic;
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
 * The business logic alone, one command per operation, on the amend-heavy flow of
 * {@link AmendHeavyFlow} or the realistic mix of
 * {@link RecordedFlow} (about 55% limit orders, some crossing, 15% cancels, 8% amends,
 * IOC/FOK/market/post-only/DAY/GTD orders, mass cancels and clock ticks) for four
 * accounts on one symbol, with a clOrdId on every order in each client style of
 * {@link ClOrdIdStyle} (checked against the day's) or none,
 * with and without every pre-trade check on ({@link BenchRisk}). Run with {@code -prof gc} to
 * see allocation per command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessLogicBenchmark extends EngineBenchmark {

    /** The clOrdId every order carries (checked against the day's; the contract's case), or NONE. */
    @Param({"NONE", "ORD_PADDED", "DASH", "ROW", "DIGITS16", "UUID"})
    public ClOrdIdStyle clOrdIds;

    /** The flow: the realistic mix (four accounts), or the amend-heavy one (100 accounts, clOrdIds c<row> whatever {@link #clOrdIds} says). */
    @Param({"REALISTIC", "AMEND_HEAVY"})
    public BenchScenario scenario;

    /** Pre-trade risk: none, or every check and breaker on with wide limits. */
    @Param({"NONE", "ALL"})
    public BenchRisk risk;

    private CommandFlow flow;
    private CountingSink sink;
    private BusinessLogic logic;
    private long sequence;
    private long time;

    @Setup(Level.Trial)
    public void setUp() {
        ReferenceData data = risk.referenceData(scenario.accounts());
        flow = scenario.flow(42, data, clOrdIds, PipelineWork.COMMANDS_PER_DAY);
        sink = new CountingSink();
        logic = risk.logic(data, new RiskBoard(data.risk()), sink, 1 << 16, PipelineWork.COMMANDS_PER_DAY);
    }

    @Benchmark
    public long decideOneCommand() {
        Command command = flow.next();
        command.sequence = ++sequence;
        time += PipelineWork.NANOS_PER_COMMAND;
        command.eventTimeNanos = time;
        logic.process(command);
        return sink.checksum();
    }
}

package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.engine.testing.DemoMarket;
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
 * The pause a snapshot costs the business-logic thread: writing the whole state of an
 * engine holding {@code restingOrders} orders (spread over 200 price levels a side,
 * four accounts) into the preallocated buffer. The file is written by another thread
 * and is not part of the pause.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotBenchmark extends EngineBenchmark {

    @Param({"10000", "100000"})
    public int restingOrders;

    private BusinessLogic logic;
    private final StateBuffer state = new StateBuffer(1 << 20);

    @Setup(Level.Trial)
    public void setUp() {
        logic = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, new CountingSink(), restingOrders);
        Command command = new Command();
        for (int i = 0; i < restingOrders; i++) {
            boolean buy = i % 2 == 0;
            command.newOrder(i % DemoMarket.ACCOUNTS, DemoMarket.TEST, buy ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                    buy ? 10_000 - i % 200 : 10_001 + i % 200, 1 + i % 10);
            command.sequence = i + 1;
            command.eventTimeNanos = i;
            logic.process(command);
        }
    }

    @Benchmark
    public int writeState() {
        logic.writeState(state.clear());
        return state.length();
    }
}

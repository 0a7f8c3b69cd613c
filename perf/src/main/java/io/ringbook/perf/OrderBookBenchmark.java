package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
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
 * Order book operations through the business logic, on a book of {@code depth} levels a
 * side with {@code ordersPerLevel} orders each: add a resting order and cancel it (one
 * operation is the pair), and an aggressive order that sweeps three levels, after which
 * the same three levels are put back (one operation is the sweep and the refill). The
 * book is built once per trial: both operations leave it as they found it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderBookBenchmark extends EngineBenchmark {

    private static final long MID = 10_000;

    @Param({"10", "1000"})
    public int depth;

    @Param({"1", "10"})
    public int ordersPerLevel;

    private final Command command = new Command();
    private BusinessLogic logic;
    private long sequence;
    private long lastOrderId;

    @Setup(Level.Trial)
    public void setUp() {
        logic = new BusinessLogic(DemoMarket.symbols(), DemoMarket.ACCOUNTS, PreTradeCheck.NONE, new CountingSink(), 1 << 16);
        sequence = 0;
        for (int level = 1; level <= depth; level++) {
            for (int i = 0; i < ordersPerLevel; i++) {
                send(command.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, MID - level, 1));
                send(command.newOrder(1, DemoMarket.TEST, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, MID + level, 1));
            }
        }
    }

    @Benchmark
    public long addThenCancel() {
        send(command.newOrder(2, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, MID - depth / 2 - 1, 1));
        long orderId = lastOrderId;
        send(command.cancel(2, orderId));
        return orderId;
    }

    @Benchmark
    public long sweepThreeLevelsThenRefill() {
        send(command.newOrder(2, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, MID + 3, 3L * ordersPerLevel));
        for (int level = 1; level <= 3; level++) {
            for (int i = 0; i < ordersPerLevel; i++) {
                send(command.newOrder(1, DemoMarket.TEST, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, MID + level, 1));
            }
        }
        return lastOrderId;
    }

    private void send(Command c) {
        c.sequence = ++sequence;
        c.eventTimeNanos = 1_763_000_000_000_000_000L + sequence;
        logic.process(c);
        lastOrderId = logic.orders().lastOrderId();
    }
}

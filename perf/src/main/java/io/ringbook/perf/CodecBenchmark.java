package io.ringbook.perf;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.Liquidity;
import io.ringbook.engine.domain.OrderStatus;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.EventCodec;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The journal codec: a NEW_ORDER command with a clOrdId and an ORDER_FILLED event,
 * encoded into and decoded from an off-heap buffer, one record per operation. Run with
 * {@code -prof gc}: nothing is allocated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark extends EngineBenchmark {

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final Command command = new Command();
    private final Command decodedCommand = new Command();
    private final EngineEvent event = new EngineEvent();
    private final EngineEvent decodedEvent = new EngineEvent();
    private int commandLength;
    private int eventLength;

    @Setup
    public void setUp() {
        command.newOrder(2, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10_050, 7);
        command.clOrdId.set("client-order-000123");
        command.sequence = 12_345;
        command.eventTimeNanos = 1_763_000_000_000_000_000L;
        event.clear();
        event.type = EventType.ORDER_FILLED;
        event.sequence = 12_345;
        event.eventTimeNanos = 1_763_000_000_000_000_000L;
        event.orderId = 99;
        event.execId = 1_001;
        event.accountId = 2;
        event.symbolId = 2;
        event.side = Side.BUY;
        event.orderType = OrderType.LIMIT;
        event.timeInForce = TimeInForce.GTC;
        event.price = 10_050;
        event.qty = 7;
        event.filledQty = 3;
        event.filledNotional = 30_150;
        event.status = OrderStatus.PARTIALLY_FILLED;
        event.tradeId = 55;
        event.lastPrice = 10_050;
        event.lastQty = 3;
        event.liquidity = Liquidity.TAKER;
        event.clOrdId.set("client-order-000123");
        commandLength = CommandCodec.encode(command, buffer, 0);
        eventLength = EventCodec.encode(event, buffer, 512);
    }

    @Benchmark
    public int encodeNewOrder() {
        return CommandCodec.encode(command, buffer, 0);
    }

    @Benchmark
    public long decodeNewOrder() {
        CommandCodec.decode(buffer, 0, decodedCommand);
        return decodedCommand.price + commandLength;
    }

    @Benchmark
    public int encodeFill() {
        return EventCodec.encode(event, buffer, 512);
    }

    @Benchmark
    public long decodeFill() {
        EventCodec.decode(buffer, 512, decodedEvent);
        return decodedEvent.lastQty + eventLength;
    }
}

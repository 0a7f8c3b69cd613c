package io.ringbook.engine.testing;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;

import java.util.List;

/**
 * Drives a {@link BusinessLogic} the way the journaling thread does (stamping sequence
 * and event time), and returns each command's events. Time only moves when told.
 */
public final class LogicDriver {

    private final RecordingSink sink = new RecordingSink();
    private final BusinessLogic logic;
    private final Command command = new Command();
    private long sequence;
    private long nowNanos = 1_700_000_000_000_000_000L;

    public LogicDriver() {
        this(DemoMarket.symbols(), PreTradeCheck.NONE);
    }

    public LogicDriver(SymbolTable symbols, PreTradeCheck.Factory check) {
        this.logic = new BusinessLogic(symbols, DemoMarket.ACCOUNTS, check, sink, 1024);
    }

    public BusinessLogic logic() {
        return logic;
    }

    public long now() {
        return nowNanos;
    }

    /** Continues numbering after {@code count} commands decided elsewhere (a restored snapshot). */
    public void skipSequences(long count) {
        sequence += count;
    }

    public void advanceNanos(long nanos) {
        nowNanos += nanos;
    }

    /** Stamps and processes a command (filled by the caller), returning its events. */
    public List<EngineEvent> send(Command filled) {
        filled.sequence = ++sequence;
        filled.eventTimeNanos = nowNanos;
        logic.process(filled);
        return sink.drain();
    }

    /** The reusable command slot, cleared, for the caller to fill and {@link #send}. */
    public Command command() {
        return command.clear();
    }

    public List<EngineEvent> limit(int account, Side side, long price, long qty) {
        return send(command().newOrder(account, DemoMarket.TEST, side, OrderType.LIMIT, TimeInForce.GTC, price, qty));
    }

    public List<EngineEvent> order(int account, Side side, OrderType type, TimeInForce tif, long price, long qty) {
        return send(command().newOrder(account, DemoMarket.TEST, side, type, tif, price, qty));
    }

    public List<EngineEvent> cancel(int account, long orderId) {
        return send(command().cancel(account, orderId));
    }

    public List<EngineEvent> amend(int account, long orderId, long price, long qty) {
        return send(command().amend(account, orderId, price, qty));
    }

    public List<EngineEvent> tick() {
        return send(command().clockTick());
    }
}

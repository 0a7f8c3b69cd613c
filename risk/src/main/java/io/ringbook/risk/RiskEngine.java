package io.ringbook.risk;

import io.ringbook.engine.book.Order;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.logic.ControlDecision;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.logic.RiskContext;
import io.ringbook.engine.state.StateBuffer;

/**
 * Pre-trade risk on the business-logic thread, as the logic sees it: one
 * {@link PreTradeCheck} that hands each call to the part whose job it is, the ordered
 * checks ({@link PreTradeChecks}), the operator controls ({@link OperatorControls}), the
 * breakers ({@link Breakers}) and the state's snapshot form ({@link RiskSnapshot}).
 *
 * <p>Everything is decided from the command's event time and the engine's live state, in
 * fixed loops over dense arrays: replaying the same commands gives the same decisions.
 * Breaker cool-downs, the trading-day roll and loss limits move on clock ticks.
 */
public final class RiskEngine implements PreTradeCheck {

    /** The parts, for the snapshot form. */
    record Parts(int symbols, int accounts, OperatorControls controls, Breakers breakers, SelfTradeCounts selfTrades,
                 OrderThrottle throttle) {
    }

    private final Parts parts;
    private final OperatorControls controls;
    private final Breakers breakers;
    private final PreTradeChecks checks;
    private final SelfTradeCounts selfTrades;

    public RiskEngine(RiskSettings settings, RiskContext engine, RiskBoard board) {
        int symbols = engine.symbols().size();
        int accounts = engine.accounts();
        long[] reference = new long[symbols];
        for (int s = 0; s < symbols; s++) {
            SymbolRisk risk = settings.symbols().get(s);
            reference[s] = risk.referencePrice();
        }
        ExposureMath exposure = new ExposureMath(engine.symbols(), engine.positions(), engine.exposure(), reference);
        OrderThrottle throttle = new OrderThrottle(accounts);
        this.controls = new OperatorControls(settings, engine.report(), board);
        this.breakers = new Breakers(settings, exposure, controls, engine.report(), board);
        this.checks = new PreTradeChecks(settings, engine.symbols(), controls, breakers, exposure, engine.exposure(), throttle);
        this.selfTrades = new SelfTradeCounts(accounts, board);
        this.parts = new Parts(symbols, accounts, controls, breakers, selfTrades, throttle);
    }

    /** The factory the business logic calls, for one board that outlives the engines built on it. */
    public static Factory factory(RiskSettings settings, RiskBoard board) {
        return context -> new RiskEngine(settings, context, board);
    }

    @Override
    public RejectReason checkNewOrder(Command c) {
        breakers.rollDay(c.eventTimeNanos);
        return checks.newOrder(c);
    }

    /** Counted here, not when risk passes the order: a probe is an order that got past matching's checks too. */
    @Override
    public void orderAccepted(int accountId, int symbolId) {
        breakers.orderAccepted(accountId, symbolId);
    }

    @Override
    public RejectReason checkAmend(Command amend, Order order) {
        breakers.rollDay(amend.eventTimeNanos);
        return checks.amend(amend, order);
    }

    @Override
    public long marketCollar(int symbolId, Side side) {
        return checks.marketCollar(symbolId, side);
    }

    @Override
    public boolean tradeAllowed(int symbolId, long price, long nowNanos) {
        return breakers.tradeAllowed(symbolId, price, nowNanos);
    }

    @Override
    public boolean sweepAllowed(int symbolId, long firstPrice, long lastPrice, long nowNanos) {
        return breakers.sweepAllowed(symbolId, firstPrice, lastPrice, nowNanos);
    }

    @Override
    public void traded(int symbolId, long price, int buyAccount, int sellAccount, long nowNanos) {
        breakers.traded(symbolId, price, buyAccount, sellAccount, nowNanos);
    }

    @Override
    public void orderRejected(int accountId, RejectReason reason, long nowNanos) {
        breakers.orderRejected(accountId, reason != RejectReason.BREAKER_OPEN && reason != RejectReason.KILL_SWITCH, nowNanos);
    }

    @Override
    public void selfTradePrevented(int accountId) {
        selfTrades.prevented(accountId);
    }

    @Override
    public void clockTick(long nowNanos) {
        breakers.clockTick(nowNanos);
    }

    @Override
    public ControlDecision control(Command c) {
        return switch (c.type) {
            case TRIP_BREAKER, RESET_BREAKER -> {
                breakers.operator(c);
                yield ControlDecision.DONE;
            }
            default -> controls.control(c);
        };
    }

    @Override
    public void writeState(StateBuffer out) {
        RiskSnapshot.write(out, parts);
    }

    @Override
    public void readState(StateBuffer in) {
        RiskSnapshot.read(in, parts);
    }
}

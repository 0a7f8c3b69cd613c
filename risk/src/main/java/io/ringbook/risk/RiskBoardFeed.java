package io.ringbook.risk;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.limits.KillSwitchStatus;

/**
 * Keeps a {@link RiskBoard} up to date from the engine's events rather than from a risk
 * engine in this process: for a gateway whose business logic runs elsewhere (cluster
 * mode), so that its admin API and gateways show the live breakers, halts, kill switches
 * and limits. What no event carries stays as configured: self-trade cancel counts, and a
 * breaker's health score between two of its changes.
 */
public final class RiskBoardFeed implements EngineListener {

    private final RiskBoard board;

    public RiskBoardFeed(RiskBoard board) {
        this.board = board;
    }

    @Override
    public void onEvent(EngineEvent e) {
        switch (e.type) {
            case BREAKER_CHANGED -> board.breaker(e.breakerKind, e.breakerKind.perAccount() ? e.accountId : e.symbolId,
                    e.breakerState, e.count, e.createdTimeNanos, e.expireTimeNanos, e.healthScore);
            case SYMBOL_STATUS -> board.halted(e.symbolId, e.active);
            case KILL_SWITCH_CHANGED -> {
                KillSwitchStatus before = board.killSwitch(e.accountId);
                board.killSwitch(e.accountId, e.active, !e.active ? 0 : before.active() ? before.sinceNanos() : e.eventTimeNanos);
            }
            case LIMITS_CHANGED -> {
                if (e.accountId < 0) {
                    board.venueMaxOpenOrders(e.limits.maxOpenOrders());
                } else {
                    board.limits(e.accountId, e.limits);
                }
            }
            default -> {
            }
        }
    }
}

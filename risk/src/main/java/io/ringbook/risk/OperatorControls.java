package io.ringbook.risk;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.logic.ControlDecision;
import io.ringbook.engine.logic.RiskEvents;
import io.ringbook.engine.state.StateBuffer;

/**
 * What operators set and the checks obey: symbol halts, the global and per-account kill
 * switches, each account's limits and the venue-wide cap on open orders. Kept apart
 * from the checks so that a control command changes state in one place, and apart from
 * the logic: engaging a kill switch returns {@link ControlDecision#CANCEL_FOR_KILL_SWITCH}
 * for the logic to cancel the orders, instead of reaching into the book.
 */
final class OperatorControls {

    private final int symbols;
    private final int accounts;
    private final RiskEvents report;
    private final RiskBoard board;
    private final boolean[] halted;
    private final boolean[] killed;
    private final long[] killedSince;
    private boolean globalKill;
    private long globalKillSince;
    private final AccountLimits[] limits;
    private long venueMaxOpenOrders;

    OperatorControls(RiskSettings settings, RiskEvents report, RiskBoard board) {
        this.symbols = settings.symbols().size();
        this.accounts = settings.accounts().size();
        this.report = report;
        this.board = board;
        this.halted = new boolean[symbols];
        this.killed = new boolean[accounts];
        this.killedSince = new long[accounts];
        this.limits = settings.accounts().toArray(new AccountLimits[0]);
        this.venueMaxOpenOrders = settings.maxOpenOrders();
    }

    boolean killed(int account) {
        return globalKill || killed[account];
    }

    boolean halted(int symbol) {
        return halted[symbol];
    }

    AccountLimits limits(int account) {
        return limits[account];
    }

    /** The cap on the open orders of all accounts together. */
    long venueMaxOpenOrders() {
        return venueMaxOpenOrders;
    }

    /** Halts, kill switches and limits; anything else is not an operator control of this class. */
    ControlDecision control(Command c) {
        switch (c.type) {
            case HALT_SYMBOL, RESUME_SYMBOL -> halt(c.symbolId, c.type == CommandType.HALT_SYMBOL);
            case KILL_SWITCH -> {
                return killSwitch(c.accountId, c.eventTimeNanos);
            }
            case RELEASE_KILL_SWITCH -> releaseKillSwitch(c.accountId);
            case SET_LIMITS -> setLimits(c.accountId, c.limits);
            default -> throw new IllegalArgumentException("not an operator control: " + c.type);
        }
        return ControlDecision.DONE;
    }

    private void halt(int symbol, boolean halt) {
        if (symbol < 0 || symbol >= symbols) {
            report.controlRejected();
            return;
        }
        halted[symbol] = halt;
        board.halted(symbol, halt);
        report.symbolStatus(symbol, halt);
    }

    /** Blocks new orders at once; the logic cancels the open ones and reports the switch. */
    private ControlDecision killSwitch(int account, long now) {
        if (account >= accounts) {
            report.controlRejected();
            return ControlDecision.DONE;
        }
        if (account < 0) {
            globalKillSince = globalKill ? globalKillSince : now;
            globalKill = true;
            board.killSwitch(-1, true, globalKillSince);
        } else {
            killedSince[account] = killed[account] ? killedSince[account] : now;
            killed[account] = true;
            board.killSwitch(account, true, killedSince[account]);
        }
        return ControlDecision.CANCEL_FOR_KILL_SWITCH;
    }

    private void releaseKillSwitch(int account) {
        if (account >= accounts) {
            report.controlRejected();
            return;
        }
        if (account < 0) {
            globalKill = false;
            board.killSwitch(-1, false, 0);
        } else {
            killed[account] = false;
            board.killSwitch(account, false, 0);
        }
        report.killSwitch(account < 0 ? -1 : account, false, 0);
    }

    /** An account's limits, replaced whole; for account -1 the venue's (only its max open orders apply). */
    private void setLimits(int account, AccountLimits newLimits) {
        if (account < -1 || account >= accounts || newLimits == null || newLimits.maxOrderQty().symbols() != symbols) {
            report.controlRejected();
            return;
        }
        if (account < 0) {
            venueMaxOpenOrders = newLimits.maxOpenOrders();
            board.venueMaxOpenOrders(venueMaxOpenOrders);
        } else {
            limits[account] = newLimits;
            board.limits(account, newLimits);
        }
        report.limitsChanged(account, newLimits);
    }

    void writeGlobal(StateBuffer out) {
        out.putInt(globalKill ? 1 : 0);
        out.putLong(globalKillSince);
    }

    void readGlobal(StateBuffer in) {
        globalKill = in.getInt() != 0;
        globalKillSince = in.getLong();
        board.killSwitch(-1, globalKill, globalKill ? globalKillSince : 0);
    }

    void writeHalt(int symbol, StateBuffer out) {
        out.putInt(halted[symbol] ? 1 : 0);
    }

    void readHalt(int symbol, StateBuffer in) {
        halted[symbol] = in.getInt() != 0;
        board.halted(symbol, halted[symbol]);
    }

    void writeKill(int account, StateBuffer out) {
        out.putInt(killed[account] ? 1 : 0);
        out.putLong(killedSince[account]);
    }

    void readKill(int account, StateBuffer in) {
        killed[account] = in.getInt() != 0;
        killedSince[account] = in.getLong();
        board.killSwitch(account, killed[account], killed[account] ? killedSince[account] : 0);
    }

    void writeLimits(int account, StateBuffer out) {
        LimitsState.write(out, limits[account]);
    }

    void readLimits(int account, StateBuffer in) {
        limits[account] = LimitsState.read(in, symbols);
        board.limits(account, limits[account]);
    }

    void writeVenue(StateBuffer out) {
        out.putLong(venueMaxOpenOrders);
    }

    void readVenue(StateBuffer in) {
        venueMaxOpenOrders = in.getLong();
        board.venueMaxOpenOrders(venueMaxOpenOrders);
    }
}

package io.ringbook.engine.logic;

import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerState;

/** The events pre-trade risk reports, stamped with the current command like every other outcome. */
public interface RiskEvents {

    /** A breaker's state or counters changed; {@code target} is an account or symbol id as the kind says. */
    void breakerChanged(BreakerKind kind, int target, BreakerState state, int trips, long openedAtNanos,
                        long nextRetryAtNanos, int healthScore);

    void symbolStatus(int symbolId, boolean halted);

    /** {@code accountId < 0} for the global switch. */
    void killSwitch(int accountId, boolean active, int canceledOrders);

    void limitsChanged(int accountId, AccountLimits limits);

    /** A control command named a target that does not exist; nothing changed. */
    void controlRejected();
}

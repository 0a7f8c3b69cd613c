package io.ringbook.risk;

import io.ringbook.engine.limits.BreakerKind;
import io.ringbook.engine.limits.BreakerSettings;
import io.ringbook.engine.limits.BreakerState;
import io.ringbook.engine.logic.RiskEvents;
import io.ringbook.engine.state.StateBuffer;

/**
 * One breaker's state machine, driven only by event time. A trip opens it; after a
 * cool-down (doubled per consecutive trip, at most {@value #MAX_BACKOFF} times the base)
 * a clock tick half-opens it, which lets a few probe orders through (orders that got
 * past every check and reached the book; one refused later, by post-only or FOK, is no
 * probe); the first order after the last probe finds it still half-open (no probe
 * tripped it), closes it and is judged as with a closed breaker. A
 * breaker without automatic retry (daily loss) stays open until reset. Every transition
 * is reported as an event of the current command and published on the {@link RiskBoard}.
 *
 * <p>The health score is the share of successes among the last 64 outcomes (orders let
 * through are successes, trips failures), 100 before any.
 */
final class CircuitBreaker {

    static final int MAX_BACKOFF = 10;

    private final BreakerKind kind;
    private final int target;
    private final BreakerSettings settings;
    private final boolean autoRetry;
    private final RiskEvents report;
    private final RiskBoard board;

    private BreakerState state = BreakerState.CLOSED;
    private int trips;
    private int consecutiveTrips;
    private long openedAt;
    private long nextRetryAt;
    private int probesAdmitted;
    private long history;
    private int historyLength;
    private int successes;

    CircuitBreaker(BreakerKind kind, int target, BreakerSettings settings, boolean autoRetry, RiskEvents report, RiskBoard board) {
        this.kind = kind;
        this.target = target;
        this.settings = settings;
        this.autoRetry = autoRetry;
        this.report = report;
        this.board = board;
    }

    BreakerState state() {
        return state;
    }

    /** Whether an order must be refused now. A half-open breaker whose probes all passed closes here. */
    boolean blocks() {
        if (state == BreakerState.HALF_OPEN && probesAdmitted >= settings.probeOrders()) {
            state = BreakerState.CLOSED;
            consecutiveTrips = 0;
            nextRetryAt = 0;
            changed();
        }
        return state == BreakerState.OPEN;
    }

    /** An order reached the book: a success, and a probe if half-open. */
    void admitted() {
        if (state == BreakerState.HALF_OPEN) {
            probesAdmitted++;
        }
        record(true);
    }

    /** Opens it (again, if half-open or open), with the cool-down of this many consecutive trips. */
    void trip(long now) {
        trips++;
        consecutiveTrips++;
        state = BreakerState.OPEN;
        openedAt = now;
        long backoff = Math.min(MAX_BACKOFF, 1L << Math.min(consecutiveTrips - 1, 4));
        nextRetryAt = autoRetry ? now + settings.cooldownNanos() * backoff : 0;
        probesAdmitted = 0;
        record(false);
        changed();
    }

    /** Closes it and forgets the consecutive trips (an operator's reset, or the trading-day roll). */
    void reset() {
        state = BreakerState.CLOSED;
        consecutiveTrips = 0;
        nextRetryAt = 0;
        probesAdmitted = 0;
        changed();
    }

    /** Half-opens an open breaker whose cool-down is over. */
    void tick(long now) {
        if (state == BreakerState.OPEN && autoRetry && now >= nextRetryAt) {
            state = BreakerState.HALF_OPEN;
            probesAdmitted = 0;
            changed();
        }
    }

    int healthScore() {
        return historyLength == 0 ? 100 : successes * 100 / historyLength;
    }

    void writeTo(StateBuffer out) {
        out.putEnum(state);
        out.putInt(trips);
        out.putInt(consecutiveTrips);
        out.putLong(openedAt);
        out.putLong(nextRetryAt);
        out.putInt(probesAdmitted);
        out.putLong(history);
        out.putInt(historyLength);
    }

    void readFrom(StateBuffer in) {
        state = in.getEnum(BreakerState.values());
        trips = in.getInt();
        consecutiveTrips = in.getInt();
        openedAt = in.getLong();
        nextRetryAt = in.getLong();
        probesAdmitted = in.getInt();
        history = in.getLong();
        historyLength = in.getInt();
        successes = Long.bitCount(historyLength == Long.SIZE ? history : history & ((1L << historyLength) - 1));
        board.breaker(kind, target, state, trips, openedAt, nextRetryAt, healthScore());
    }

    /** Shifts an outcome into the last-64 history; publishes the score only if it changed, which a run of successes never does. */
    private void record(boolean success) {
        boolean wasPerfect = successes == historyLength;
        int before = wasPerfect ? 100 : healthScore();
        if (historyLength == Long.SIZE) {
            successes -= (int) (history >>> (Long.SIZE - 1));
        } else {
            historyLength++;
        }
        history = (history << 1) | (success ? 1 : 0);
        if (success) {
            successes++;
            if (wasPerfect) {
                return;
            }
        }
        int after = healthScore();
        if (after != before) {
            board.health(kind, target, after);
        }
    }

    private void changed() {
        int health = healthScore();
        report.breakerChanged(kind, target, state, trips, openedAt, nextRetryAt, health);
        board.breaker(kind, target, state, trips, openedAt, nextRetryAt, health);
    }
}

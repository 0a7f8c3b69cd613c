package io.ringbook.engine.limits;

/** A breaker as the admin API shows it; times are epoch nanos, {@code nextRetryAtNanos} 0 for none. */
public record BreakerStatus(BreakerKind kind, int target, BreakerState state, int trips, long openedAtNanos,
                            long nextRetryAtNanos, int healthScore) {

    public static BreakerStatus closed(BreakerKind kind, int target) {
        return new BreakerStatus(kind, target, BreakerState.CLOSED, 0, 0, 0, 100);
    }

    public BreakerStatus withHealth(int score) {
        return new BreakerStatus(kind, target, state, trips, openedAtNanos, nextRetryAtNanos, score);
    }
}

package io.ringbook.engine.limits;

/**
 * The per-account reject-storm breaker: {@code rejects} refused orders within
 * {@code windowNanos} open it; {@link #NONE} (0 rejects) has no breaker.
 */
public record RejectStorm(int rejects, long windowNanos, BreakerSettings breaker) {

    public static final RejectStorm NONE = new RejectStorm(0, 1, BreakerSettings.DEFAULT);

    public RejectStorm {
        if (rejects < 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("reject-storm count and window must be positive");
        }
    }
}

package io.ringbook.engine.limits;

/**
 * How a breaker recovers: OPEN for {@code cooldownNanos} after a trip (doubled per
 * consecutive trip, at most ten times), then HALF_OPEN, letting {@code probeOrders}
 * orders through; if none of them trips it again, it closes.
 */
public record BreakerSettings(long cooldownNanos, int probeOrders) {

    public static final BreakerSettings DEFAULT = new BreakerSettings(30_000_000_000L, 10);

    public BreakerSettings {
        if (cooldownNanos <= 0 || probeOrders <= 0) {
            throw new IllegalArgumentException("breaker cool-down and probes must be positive");
        }
    }
}

package io.ringbook.engine.health;

import java.util.Map;

/** A component's state and the figures it was judged by (shown as they are in {@code /health}). */
public record HealthCheck(HealthStatus status, Map<String, Object> details) {

    public HealthCheck {
        details = Map.copyOf(details);
    }
}

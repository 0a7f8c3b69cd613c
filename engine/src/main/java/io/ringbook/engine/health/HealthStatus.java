package io.ringbook.engine.health;

/** UP works; DEGRADED works with a problem an operator should look at; DOWN does not work. */
public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN
}

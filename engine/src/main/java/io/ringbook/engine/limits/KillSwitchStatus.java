package io.ringbook.engine.limits;

/** A kill switch: {@code accountId} -1 for the global one; {@code sinceNanos} when it was activated. */
public record KillSwitchStatus(int accountId, boolean active, long sinceNanos) {
}

package io.ringbook.admin;

import io.javalin.security.RouteRole;

/**
 * What an admin token may do; each role includes the ones before it (API.md, "Operators").
 * Each admin route is registered with the role it needs, so the route's template decides.
 */
public enum Role implements RouteRole {
    /** Reads. */
    VIEWER,
    /** Halts, breakers, kill switches, snapshots, latency resets. */
    OPERATOR,
    /** Limits. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}

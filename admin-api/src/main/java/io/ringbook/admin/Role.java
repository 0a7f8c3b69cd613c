package io.ringbook.admin;

/** What an admin token may do; each role includes the ones before it (API.md, "Operators"). */
public enum Role {
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

package io.ringbook.cluster;

import java.util.concurrent.TimeUnit;

/**
 * How quickly the cluster notices a dead leader and elects another. Aeron's defaults
 * (10 s heartbeat timeout, 60 s start-up canvass) suit wide networks; on loopback the
 * demo's values below elect in about 1-1.5 s. The heartbeat timeout must stay well above
 * the longest pause a node can have (GC, the hypervisor's steal), or a busy leader is
 * deposed for nothing.
 *
 * @param leaderHeartbeatIntervalNanos how often the leader tells followers it lives
 * @param leaderHeartbeatTimeoutNanos  silence after which followers start an election
 * @param electionTimeoutNanos         how long one election round waits for votes
 * @param startupCanvassTimeoutNanos   how long a starting node waits to hear from all members before electing with a majority
 * @param sessionTimeoutNanos          silence after which a client session is closed
 */
public record ClusterTimeouts(long leaderHeartbeatIntervalNanos, long leaderHeartbeatTimeoutNanos, long electionTimeoutNanos,
                              long startupCanvassTimeoutNanos, long sessionTimeoutNanos) {

    public ClusterTimeouts {
        if (leaderHeartbeatIntervalNanos <= 0 || leaderHeartbeatTimeoutNanos <= leaderHeartbeatIntervalNanos
                || electionTimeoutNanos <= 0 || sessionTimeoutNanos <= 0) {
            throw new IllegalArgumentException("cluster timeouts must be positive, the heartbeat timeout above the interval");
        }
        if (startupCanvassTimeoutNanos <= 0 || startupCanvassTimeoutNanos % leaderHeartbeatTimeoutNanos != 0) {
            throw new IllegalArgumentException("the start-up canvass timeout must be a multiple of the leader heartbeat timeout");
        }
    }

    /**
     * For a machine shared with other heavy work (benchmarks, tests that kill no node): a
     * leader is deposed only after 5 s of silence, so that a starved but live leader is
     * not replaced in the middle of a measurement.
     */
    public static ClusterTimeouts tolerant() {
        return new ClusterTimeouts(TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(5),
                TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(10));
    }

    /** The demo's and the fail-over tests' values (docs/CLUSTER.md). */
    public static ClusterTimeouts demo() {
        return new ClusterTimeouts(TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.MILLISECONDS.toNanos(1_000),
                TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(2_000), TimeUnit.SECONDS.toNanos(10));
    }
}

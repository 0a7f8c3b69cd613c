package io.ringbook.app.profile;

import io.ringbook.cluster.ClusterMember;
import io.ringbook.cluster.ClusterTimeouts;
import io.ringbook.cluster.ClusterTopology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@code cluster} section of a profile (docs/CLUSTER.md): the members by id, each with
 * its host, the first of its ports and, when it runs on this machine, its data directory;
 * the timeouts; the archive's file sync level; how often the gateway ticks the clock.
 * <pre>
 * cluster:
 *   members:
 *     0: {host: 127.0.0.1, portBase: 20000, data: data-cluster/node-0}
 *     1: {host: 127.0.0.1, portBase: 20100, data: data-cluster/node-1}
 *     2: {host: 127.0.0.1, portBase: 20200, data: data-cluster/node-2}
 *   leaderHeartbeatTimeoutMs: 1000
 *   fileSyncLevel: 0
 *   gatewayHost: 127.0.0.1
 *   snapshotIntervalS: 600
 * </pre>
 *
 * @param nodeDataDirs each member's data directory, null where the file names none
 * @param gatewayHost  the gateway's address as the nodes reach it (they send egress there)
 * @param snapshotIntervalSeconds how often the leader has every node take a snapshot (0: only when asked)
 */
public record ClusterSection(ClusterTopology topology, List<Path> nodeDataDirs, ClusterTimeouts timeouts, int fileSyncLevel,
                             long clockTickMillis, String gatewayHost, long snapshotIntervalSeconds) {

    /** Periodic snapshots every ten minutes unless the profile says otherwise (docs/CLUSTER.md). */
    public static final long DEFAULT_SNAPSHOT_INTERVAL_SECONDS = 600;

    public ClusterSection {
        if (fileSyncLevel < 0 || fileSyncLevel > 2) {
            throw new IllegalArgumentException("cluster.fileSyncLevel: the archive's file sync level is 0, 1 or 2, not " + fileSyncLevel);
        }
        if (clockTickMillis <= 0) {
            throw new IllegalArgumentException("cluster.clockTickMs: must be positive, not " + clockTickMillis);
        }
        if (snapshotIntervalSeconds < 0) {
            throw new IllegalArgumentException("cluster.snapshotIntervalS: 0 (off) or more, not " + snapshotIntervalSeconds);
        }
        if (nodeDataDirs.size() != topology.size()) {
            throw new IllegalArgumentException("one data directory (or null) per cluster member");
        }
    }

    /** The demo's first port: members use 20000-20005, 20100-20105 and 20200-20205. */
    public static final int DEMO_PORT_BASE = 20_000;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Three members on loopback with their data under {@code root/node-N}, the demo's timeouts. */
    public static ClusterSection demo(Path root) {
        List<Path> dirs = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            dirs.add(root.resolve("node-" + id));
        }
        return new ClusterSection(ClusterTopology.local("127.0.0.1", 3, DEMO_PORT_BASE), dirs, ClusterTimeouts.demo(), 0, 100, "127.0.0.1",
                DEFAULT_SNAPSHOT_INTERVAL_SECONDS);
    }

    /** The section of {@code file}, or a {@link ConfigException} naming the setting that is wrong or missing. */
    public static ClusterSection read(Path file, Function<String, String> environment) {
        try {
            ConfigNode cluster = ProfileFile.parse(file, environment).node("cluster");
            if (!cluster.has("members")) {
                throw new ConfigException("cluster.members: required in cluster mode (docs/CLUSTER.md)");
            }
            cluster.allowOnly(Set.of("members", "leaderHeartbeatIntervalMs", "leaderHeartbeatTimeoutMs", "electionTimeoutMs",
                    "startupCanvassTimeoutMs", "sessionTimeoutMs", "fileSyncLevel", "clockTickMs", "gatewayHost",
                    "snapshotIntervalS"));
            ConfigNode membersNode = cluster.node("members");
            List<ClusterMember> members = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (int id = 0; id < membersNode.keys().size(); id++) {
                String key = String.valueOf(id);
                if (!membersNode.has(key)) {
                    throw membersNode.error(key, "members are numbered 0.." + (membersNode.keys().size() - 1));
                }
                ConfigNode member = membersNode.node(key).allowOnly(Set.of("host", "portBase", "data"));
                members.add(new ClusterMember(id, member.requiredString("host"), (int) member.whole("portBase", -1)));
                String data = member.string("data", null);
                dirs.add(data == null ? null : Path.of(data));
            }
            ClusterTimeouts demo = ClusterTimeouts.demo();
            ClusterTimeouts timeouts = new ClusterTimeouts(
                    cluster.whole("leaderHeartbeatIntervalMs", demo.leaderHeartbeatIntervalNanos() / MS) * MS,
                    cluster.whole("leaderHeartbeatTimeoutMs", demo.leaderHeartbeatTimeoutNanos() / MS) * MS,
                    cluster.whole("electionTimeoutMs", demo.electionTimeoutNanos() / MS) * MS,
                    cluster.whole("startupCanvassTimeoutMs", demo.startupCanvassTimeoutNanos() / MS) * MS,
                    cluster.whole("sessionTimeoutMs", demo.sessionTimeoutNanos() / MS) * MS);
            return new ClusterSection(new ClusterTopology(members), dirs, timeouts, (int) cluster.whole("fileSyncLevel", 0),
                    cluster.whole("clockTickMs", 100), cluster.string("gatewayHost", "127.0.0.1"),
                    cluster.whole("snapshotIntervalS", DEFAULT_SNAPSHOT_INTERVAL_SECONDS));
        } catch (ConfigException | IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }
}

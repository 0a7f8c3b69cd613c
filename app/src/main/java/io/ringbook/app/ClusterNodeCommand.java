package io.ringbook.app;

import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.Profile;
import io.ringbook.cluster.ClusterNode;
import io.ringbook.cluster.LogicService;
import io.ringbook.cluster.NodeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code ringbook cluster node --id N}: one node of the cluster until the process is stopped. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run one cluster node.")
final class ClusterNodeCommand implements Callable<Integer> {

    private static final int INITIAL_ORDERS = 1 << 16;
    static final String PID_FILE = "node.pid";

    @Option(names = "--id", required = true, paramLabel = "N", description = "The member id of this node (0, 1 or 2).")
    int id;

    @Mixin
    ConfigOption config;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--fresh", description = "Start from an empty log: the node's earlier data directory is moved aside "
            + "(to DIR.old-<UTC time>), not deleted.")
    boolean fresh;

    @Override
    public Integer call() throws InterruptedException {
        Profile profile = ClusterCommand.profile(config.path());
        ClusterSection cluster = ClusterCommand.section(config.path());
        if (id < 0 || id >= cluster.topology().size()) {
            throw new ConfigException("--id " + id + ": the cluster's members are 0.." + (cluster.topology().size() - 1));
        }
        Path data = (dataDir.path() != null ? dataDir.path() : cluster.nodeDataDirs().get(id) != null ? cluster.nodeDataDirs().get(id)
                : ClusterCommand.DEFAULT_DATA.resolve("node-" + id)).toAbsolutePath().normalize();
        Path aside = prepare(data, id, fresh);
        if (aside != null) {
            System.out.println("ringbook: --fresh: node " + id + "'s earlier data moved to " + aside);
        }
        ClusterNode node = ClusterNode.launch(new NodeSettings(id, cluster.topology(), cluster.timeouts(), data, fresh,
                cluster.fileSyncLevel()), new LogicService(profile.referenceData(), INITIAL_ORDERS,
                profile.run().clOrdIdsPerDay(), TimeUnit.SECONDS.toNanos(cluster.snapshotIntervalSeconds())));
        var member = cluster.topology().member(id);
        System.out.println("Ringbook " + RingbookCommand.version() + " cluster node " + id + " of " + cluster.topology().size()
                + " (" + profile.name() + "): " + member.host() + " ports " + member.archiveControlPort() + "-"
                + member.catchupPort() + ", data " + data + ", pid " + ProcessHandle.current().pid());
        return ClusterCommand.runUntilStopped(node, "cluster node " + id, node.service().refusal());
    }

    /**
     * Makes the node's data directory ready: refused if a live process still runs a node
     * on it (its {@code node.pid}); with {@code fresh}, the earlier content is moved aside
     * to a sibling {@code NAME.old-<UTC time>} (returned; null if there was none) rather
     * than deleted, so an operator can still look at the old log; otherwise the liveness
     * marks of a dead node are cleared. Writes this process's pid.
     */
    static Path prepare(Path data, int id, boolean fresh) {
        try {
            requireNoLiveNode(data, id);
            Path aside = fresh ? DataDirectory.moveAside(data, Instant.now()) : null;
            Files.createDirectories(data);
            if (!fresh && Files.exists(data.resolve(PID_FILE))) {
                ClusterNode.clearMarksOfDeadNode(data);
            }
            Files.writeString(data.resolve(PID_FILE), ProcessHandle.current().pid() + "\n");
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + data, e);
        }
    }

    /** Refuses a node directory whose {@code node.pid} names a live process. */
    static void requireNoLiveNode(Path data, int id) throws IOException {
        Path pidFile = data.resolve(PID_FILE);
        if (Files.exists(pidFile)) {
            long previous = Long.parseLong(Files.readString(pidFile).trim());
            if (previous != ProcessHandle.current().pid() && ProcessHandle.of(previous).map(ProcessHandle::isAlive).orElse(false)) {
                throw new ConfigException("node " + id + " already runs on " + data + " (pid " + previous + ")");
            }
        }
    }
}

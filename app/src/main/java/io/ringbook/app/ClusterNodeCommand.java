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
import java.util.concurrent.Callable;

/** {@code ringbook cluster node --id N}: one node of the cluster until the process is stopped. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run one cluster node.")
final class ClusterNodeCommand implements Callable<Integer> {

    private static final int INITIAL_ORDERS = 1 << 16;

    @Option(names = "--id", required = true, paramLabel = "N", description = "The member id of this node (0, 1 or 2).")
    int id;

    @Mixin
    ConfigOption config;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--fresh", description = "Delete the node's log, snapshots and archive before starting.")
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
        try {
            Files.createDirectories(data);
            Path pidFile = data.resolve("node.pid");
            if (Files.exists(pidFile)) {
                long previous = Long.parseLong(Files.readString(pidFile).trim());
                if (ProcessHandle.of(previous).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new ConfigException("node " + id + " already runs on " + data + " (pid " + previous + ")");
                }
                ClusterNode.clearMarksOfDeadNode(data);
            }
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + data, e);
        }
        ClusterNode node = ClusterNode.launch(new NodeSettings(id, cluster.topology(), cluster.timeouts(), data, fresh,
                cluster.fileSyncLevel()), new LogicService(profile.referenceData(), INITIAL_ORDERS));
        var member = cluster.topology().member(id);
        System.out.println("Ringbook " + RingbookCommand.version() + " cluster node " + id + " of " + cluster.topology().size()
                + " (" + profile.name() + "): " + member.host() + " ports " + member.archiveControlPort() + "-"
                + member.catchupPort() + ", data " + data + ", pid " + ProcessHandle.current().pid());
        ClusterCommand.runUntilStopped(node, "cluster node " + id);
        return 0;
    }
}

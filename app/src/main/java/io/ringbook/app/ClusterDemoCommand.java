package io.ringbook.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringbook cluster demo}: three nodes and a gateway, each a process of its own on
 * loopback, started with this JVM's flags and class path; the gateway has the demo
 * profile's doors. Ctrl-C stops them all. A node killed meanwhile can be started again
 * with {@code ./ringbook cluster node --id N --data DIR/node-N} (it is then not the
 * demo's child: stop it by its pid, in {@code DIR/node-N/node.pid}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Three cluster nodes and a gateway on this machine.")
final class ClusterDemoCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir = new DataDirOption("data-cluster");

    @Option(names = "--fresh", description = "Start every node and the gateway from nothing: DIR is moved aside "
            + "(to DIR.old-<UTC time>), not deleted.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir.path().toAbsolutePath().normalize();
        Path aside = prepare(data, fresh);
        if (aside != null) {
            System.out.println("ringbook: --fresh: the demo's earlier data (nodes and gateway) moved to " + aside);
        }
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(processes), "ringbook-demo-shutdown"));
        for (int id = 0; id < 3; id++) {
            Path nodeDir = data.resolve("node-" + id);
            processes.add(ClusterProcesses.startNode(id, nodeDir, false));
            System.out.println("  node " + id + "    pid " + processes.get(id).pid() + ", data " + nodeDir + ", log " + nodeDir.resolve("node.log"));
        }
        Process gateway = ClusterProcesses.startGateway(data.resolve("gateway"), data);
        processes.add(gateway);
        System.out.println("  gateway   pid " + gateway.pid() + " (REST 8080, admin 8081, FIX 9878; demo keys and tokens)");
        System.out.println("Stop all with Ctrl-C (or: kill " + ProcessHandle.current().pid() + ").");
        gateway.waitFor();
        return 0;
    }

    /**
     * With {@code fresh}, moves the whole demo directory (every node's data and the
     * gateway's journal) aside to a sibling {@code NAME.old-<UTC time>}, returned (null if
     * there was nothing); refused while a node still runs on it.
     */
    static Path prepare(Path data, boolean fresh) throws java.io.IOException {
        if (!fresh) {
            return null;
        }
        for (int id = 0; id < 3; id++) {
            ClusterNodeCommand.requireNoLiveNode(data.resolve("node-" + id), id);
        }
        return DataDirectory.moveAside(data, java.time.Instant.now());
    }

    private static void stopAll(List<Process> processes) {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.println("ringbook: cluster demo stopped");
    }
}

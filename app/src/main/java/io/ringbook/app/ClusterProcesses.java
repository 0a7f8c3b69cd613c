package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.OpenOrderCap;
import io.ringbook.engine.domain.ReferenceData;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts cluster nodes and gateways as processes of their own, with this JVM's flags and
 * class path: for the demo, and for the fail-over benchmark, which kills nodes with
 * SIGKILL and starts them again.
 */
public final class ClusterProcesses {

    private ClusterProcesses() {
    }

    /** {@code ringbook cluster node --id N --data DIR} (the demo's cluster), its output appended to {@code DIR/node.log}. */
    public static Process startNode(int id, Path nodeDir, boolean fresh) throws IOException {
        Files.createDirectories(nodeDir);
        List<String> args = new ArrayList<>(List.of("cluster", "node", "--id", String.valueOf(id), "--data", nodeDir.toString()));
        if (fresh) {
            args.add("--fresh");
        }
        return start(args, nodeDir.resolve("node.log"));
    }

    /** {@code ringbook cluster gateway} with the demo's doors, its output on this process's. */
    static Process startGateway(Path gatewayDir, Path nodesDir) throws IOException {
        Files.createDirectories(gatewayDir);
        return start(List.of("cluster", "gateway", "--data", gatewayDir.toString(), "--nodes", nodesDir.toString()), null);
    }

    /**
     * One heap for every process of the demo: the default cap on open orders is sized from
     * the heap, and the nodes and the gateway (whose journal records the configuration) must
     * judge orders alike.
     */
    private static final long HEAP_MIB = 512;

    /** The demo profile's configuration as the demo's processes have it (its cap on open orders sized from their heap). */
    public static ReferenceData demoReferenceData() {
        ReferenceData demo = DemoProfile.referenceData();
        return new ReferenceData(demo.symbols(), demo.accounts(), demo.risk().withMaxOpenOrders(OpenOrderCap.fromHeap(HEAP_MIB << 20)));
    }

    private static Process start(List<String> command, Path log) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(ProcessHandle.current().info().command().orElse("java"));
        line.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-Xm") && !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")).toList());
        line.add("-Xms64m");
        line.add("-Xmx" + HEAP_MIB + "m");
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(RingbookCommand.class.getName());
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        return builder.start();
    }
}

package io.ringbook.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringbook cluster demo}: three nodes and a gateway, each a process of its own on
 * loopback, started with this JVM's flags and class path; the gateway has the demo
 * profile's doors. Ctrl-C stops them all. A node killed meanwhile can be started again
 * with {@code ./ringbook cluster node --id N --data DIR/node-N}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Three cluster nodes and a gateway on this machine.")
final class ClusterDemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data-cluster", description = "Data of node N in DIR/node-N (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Start every node from an empty log.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        Path data = dataDir.toAbsolutePath().normalize();
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(processes), "ringbook-demo-shutdown"));
        for (int id = 0; id < 3; id++) {
            Path nodeDir = data.resolve("node-" + id);
            Files.createDirectories(nodeDir);
            List<String> args = new ArrayList<>(List.of("cluster", "node", "--id", String.valueOf(id), "--data", nodeDir.toString()));
            if (fresh) {
                args.add("--fresh");
            }
            processes.add(start(args, "256m", nodeDir.resolve("node.log")));
            System.out.println("  node " + id + "    pid " + processes.get(id).pid() + ", data " + nodeDir + ", log " + nodeDir.resolve("node.log"));
        }
        Path gatewayDir = data.resolve("gateway");
        Files.createDirectories(gatewayDir);
        Process gateway = start(List.of("cluster", "gateway", "--data", gatewayDir.toString(), "--nodes", data.toString()), "512m", null);
        processes.add(gateway);
        System.out.println("  gateway   pid " + gateway.pid() + " (REST 8080, admin 8081, FIX 9878; demo keys and tokens)");
        System.out.println("Stop all with Ctrl-C (or: kill " + ProcessHandle.current().pid() + ").");
        gateway.waitFor();
        return 0;
    }

    private static Process start(List<String> command, String heap, Path log) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(ProcessHandle.current().info().command().orElse("java"));
        line.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-Xm") && !arg.startsWith("-agentlib")).toList());
        line.add("-Xms64m");
        line.add("-Xmx" + heap);
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

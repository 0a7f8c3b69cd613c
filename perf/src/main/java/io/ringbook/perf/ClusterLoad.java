package io.ringbook.perf;

import io.ringbook.cluster.ClusterClient;
import io.ringbook.cluster.ClusterNode;
import io.ringbook.cluster.ClusterOutputs;
import io.ringbook.cluster.ClusterTimeouts;
import io.ringbook.cluster.ClusterTopology;
import io.ringbook.cluster.LogicService;
import io.ringbook.cluster.NodeSettings;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.CommandPublisher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where {@code bench --via cluster} sends its load: three cluster nodes in this JVM (each
 * with its own driver, archive and consensus module, as the demo's processes have) and a
 * cluster client whose egress feeds what the single-process side's edges run: the
 * latency recorder, with each command's end and ingress time, the client decoding no
 * event, as that side keeps no read models ({@link ClusterOutputs#commandsDoneTo}); with
 * {@code --read-models} both sides serve them, every event decoded (a {@code cluster gateway}
 * always decodes every event, for its read models and journal). A command's latency runs from
 * its intended send time through the leader, the majority commit and the service back
 * to the client. The nodes' files live in a temporary directory, deleted at the end. The
 * nodes use {@link ClusterTimeouts#tolerant()}: a leader starved by the load generator on
 * 2 cores must not be deposed mid-run (fail-over is measured by ClusterFailoverBench).
 */
final class ClusterLoad implements LoadHarness.Door, AutoCloseable {

    private final Path dir;
    private final ClusterNode[] nodes = new ClusterNode[3];
    private final ClusterClient client;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread generator = Thread.currentThread();
    private long sent;
    private long cpuAtStart;

    /**
     * @param clOrdIdsPerRun the clOrdIds each node's logic sizes its day index for, as the single-process run's logic does
     * @param readModels     the read models the single-process run's edges serve too ({@code --read-models}), else none
     */
    ClusterLoad(ReferenceData data, LatencyRecorder recorder, Path parent, int fileSyncLevel, int clOrdIdsPerRun,
                List<EngineListener> readModels) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        this.dir = Files.createTempDirectory(parent, "ringbook-cluster-bench");
        ClusterTopology topology = ClusterTopology.localOnFreePorts("127.0.0.1", 3);
        for (int id = 0; id < 3; id++) {
            nodes[id] = ClusterNode.launch(new NodeSettings(id, topology, ClusterTimeouts.tolerant(), dir.resolve("node-" + id), true,
                    fileSyncLevel), new LogicService(data, 1 << 16, clOrdIdsPerRun, 0));
        }
        this.client = ClusterClient.start(new ClusterClient.Settings(topology, dir.resolve("client"), "127.0.0.1", 0,
                TimeUnit.SECONDS.toNanos(10), LogicService.fingerprint(data)), outputs(recorder, readModels), 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.leaderMemberId() < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench cluster elected no leader within 30 s");
            }
            Thread.sleep(10);
        }
        cpuAtStart = clusterCpuNanos();
    }

    /**
     * What the client does with the egress, as the single-process run's edges do with its
     * events: only the latency recorder, which needs each command's end alone (no event
     * decoded), or with {@code --read-models} the recorder and the read models, every event.
     */
    private static ClusterOutputs outputs(LatencyRecorder recorder, List<EngineListener> readModels) {
        if (readModels.isEmpty()) {
            return ClusterOutputs.commandsDoneTo(recorder::commandDone);
        }
        List<EngineListener> edges = new ArrayList<>(readModels);
        edges.add(0, recorder);
        return ClusterOutputs.eventsTo(edges.toArray(EngineListener[]::new));
    }

    /**
     * CPU time of every thread of this JVM but the load generator's (the nodes' agents,
     * drivers and archives, the client's agent and driver; threads that ended are not
     * counted): on a shared machine a fairer before/after figure than wall clock.
     */
    private long clusterCpuNanos() {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            if (id != generator.getId()) {
                total += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return total;
    }

    @Override
    public boolean tryPublishAt(long ingressNanos, CommandPublisher.CommandWriter writer) {
        boolean taken = client.tryPublishAt(ingressNanos, writer);
        if (taken) {
            sent++;
        }
        return taken;
    }

    /**
     * Commands the client took, how many of them the nodes decided (each node's count: all,
     * unless some were lost), the CPU time the cluster and its client spent per command,
     * and the services' per command each decided: a follower that fell behind the burst
     * (it catches up after it) has decided fewer, and that figure does not depend on it.
     */
    String decidedOfSent() {
        StringBuilder decided = new StringBuilder();
        long decidedByAll = 0;
        for (ClusterNode node : nodes) {
            decided.append(decided.length() == 0 ? "" : "/").append(node.service().decided());
            decidedByAll += node.service().decided();
        }
        double cpuMicros = (clusterCpuNanos() - cpuAtStart) / 1000.0 / Math.max(1, sent);
        return String.format("nodes decided %s of %d commands sent; %.2f us CPU per command (all threads but the load generator's: %s); "
                        + "a service's CPU per command it decided %.2f us",
                decided, sent, cpuMicros, cpuByThread(), serviceCpuNanos() / 1000.0 / Math.max(1, decidedByAll));
    }

    /** CPU time of the nodes' service threads. */
    private long serviceCpuNanos() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("clustered-service")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** The threads' CPU per command since they started, by kind (the three nodes' threads of a kind together), largest first. */
    private String cpuByThread() {
        Map<String, Long> byKind = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadId() != generator.getId()) {
                String kind = info.getThreadName().replace(dir.toString(), "").replaceAll("[0-9]+", "N");
                byKind.merge(kind, Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(7)
                .map(kind -> String.format("%s %.2f", kind.getKey(), kind.getValue() / 1000.0 / Math.max(1, sent)))
                .collect(Collectors.joining(", "));
    }

    /**
     * Waits until no command has completed for half a second (at most a minute): the load
     * has drained. Returns when (System.nanoTime) the last completion was seen.
     */
    long awaitDrained(LatencyRecorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long completed = recorder.completed();
            if (completed == seen) {
                break;
            }
            seen = completed;
            lastProgress = System.nanoTime();
            Thread.sleep(500);
        }
        return lastProgress;
    }

    @Override
    public void close() {
        client.close();
        for (ClusterNode node : nodes) {
            node.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

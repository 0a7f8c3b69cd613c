package io.ringbook.perf;

import io.ringbook.app.ClusterProcesses;
import io.ringbook.app.profile.ClusterSection;
import io.ringbook.cluster.ClusterClient;
import io.ringbook.cluster.ClusterStatus;
import io.ringbook.cluster.LogicService;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EngineBusyException;
import io.ringbook.engine.testing.DemoMarket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Fail-over time of the demo's cluster: three node processes (the demo's ports and
 * timeouts) and a client sending one order after another, resending the same clOrdId
 * whenever the cluster cannot answer. Each round kills the leader with SIGKILL and
 * measures the time to the first order acknowledged that was sent after the kill, then
 * starts the dead node again and waits until it has caught up. At the end every
 * acknowledged clOrdId is resent: each must come back as a duplicate of the same order
 * (no acknowledged order lost). Usage: {@code ClusterFailoverBench [ROUNDS]} (default 10).
 */
public final class ClusterFailoverBench {

    private ClusterFailoverBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("ringbook-failover");
        ClusterSection section = ClusterSection.demo(dir);
        Process[] nodes = new Process[3];
        try {
            for (int id = 0; id < 3; id++) {
                nodes[id] = ClusterProcesses.startNode(id, dir.resolve("node-" + id), true);
            }
            try (ClusterClient client = ClusterClient.start(new ClusterClient.Settings(section.topology(), dir.resolve("client"),
                    "127.0.0.1", TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(3),
                    LogicService.fingerprint(ClusterProcesses.demoReferenceData())), event -> { })) {
                ClusterStatus status = new ClusterStatus(client, section.nodeDataDirs());
                Sender sender = new Sender(client);
                Thread sending = new Thread(sender, "failover-sender");
                sending.start();
                List<Long> millis = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    awaitAllCaughtUp(status, sender);
                    int leader = client.leaderMemberId();
                    long killed = sender.watchFrom(System.nanoTime());
                    nodes[leader].destroyForcibly().waitFor();
                    long acknowledged = sender.awaitAckAfterWatch(TimeUnit.SECONDS.toNanos(60));
                    millis.add(TimeUnit.NANOSECONDS.toMillis(acknowledged - killed));
                    System.out.printf("round %2d: killed leader %d (SIGKILL); first order acknowledged after %d ms; new leader %d%n",
                            round, leader, millis.get(millis.size() - 1), client.leaderMemberId());
                    nodes[leader] = ClusterProcesses.startNode(leader, dir.resolve("node-" + leader), false);
                }
                awaitAllCaughtUp(status, sender);
                sender.stop();
                sending.join(30_000);
                int lost = sender.lostAcknowledged();
                Collections.sort(millis);
                System.out.printf("fail-over: %d rounds, median %d ms, worst %d ms; %d orders acknowledged, %d of them lost%n",
                        rounds, millis.get((millis.size() - 1) / 2), millis.get(millis.size() - 1), sender.acknowledged.size(), lost);
            }
        } finally {
            for (Process node : nodes) {
                if (node != null) {
                    node.destroy();
                    node.waitFor(10, TimeUnit.SECONDS);
                }
            }
            delete(dir);
        }
    }

    /** Waits until every member is up with the leader's commit position and the client has a leader and gets answers. */
    private static void awaitAllCaughtUp(ClusterStatus status, Sender sender) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long acknowledgedBefore = sender.acknowledged.size();
        while (System.nanoTime() < deadline) {
            Map<String, Object> report = status.report();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members = (List<Map<String, Object>>) report.get("members");
            boolean up = report.get("leader") != null && members.stream().noneMatch(m -> "DOWN".equals(m.get("role")));
            boolean level = members.stream().map(m -> m.get("commitPosition")).distinct().count() == 1;
            if (up && level && sender.acknowledged.size() > acknowledgedBefore + 50) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cluster did not come back whole within 120 s: " + status.report());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Sends orders one at a time, each resent with the same clOrdId until acknowledged. */
    private static final class Sender implements Runnable {
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        private final ClusterClient client;
        private volatile boolean running = true;
        private volatile long watchFrom = Long.MAX_VALUE;
        private volatile long firstAckAfterWatch;

        Sender(ClusterClient client) {
            this.client = client;
        }

        long watchFrom(long nanos) {
            firstAckAfterWatch = 0;
            watchFrom = nanos;
            return nanos;
        }

        long awaitAckAfterWatch(long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (firstAckAfterWatch == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no order acknowledged within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
                }
                Thread.sleep(1);
            }
            watchFrom = Long.MAX_VALUE;
            return firstAckAfterWatch;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            for (int i = 0; running; i++) {
                String clOrdId = "fo-" + i;
                while (running) {
                    long sent = System.nanoTime();
                    Long orderId = send(order(i, clOrdId));
                    if (orderId != null) {
                        acknowledged.put(clOrdId, orderId);
                        if (sent >= watchFrom && firstAckAfterWatch == 0) {
                            firstAckAfterWatch = System.nanoTime();
                        }
                        break;
                    }
                }
            }
        }

        /** Resends every acknowledged clOrdId; counts those the cluster no longer knows as that same order. */
        int lostAcknowledged() {
            int lost = 0;
            for (Map.Entry<String, Long> order : acknowledged.entrySet()) {
                EngineEvent answer = null;
                for (int attempt = 0; attempt < 100 && answer == null; attempt++) {
                    answer = answer(order(Integer.parseInt(order.getKey().substring(3)), order.getKey()));
                }
                if (answer == null || answer.rejectReason != RejectReason.DUPLICATE_CLORDID || answer.orderId != order.getValue()) {
                    lost++;
                }
            }
            return lost;
        }

        private Long send(CommandPublisher.CommandWriter order) {
            EngineEvent first = answer(order);
            return first == null ? null : first.orderId;
        }

        private EngineEvent answer(CommandPublisher.CommandWriter order) {
            try {
                return client.submit(order).get(5, TimeUnit.SECONDS).get(0);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof EngineBusyException) && !(e.getCause() instanceof TimeoutException)) {
                    throw new IllegalStateException(e.getCause());
                }
            } catch (TimeoutException e) {
                // resent below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        private static CommandPublisher.CommandWriter order(int i, String clOrdId) {
            return slot -> {
                slot.newOrder(i % DemoMarket.ACCOUNTS, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100, 1);
                slot.clOrdId.set(clOrdId);
            };
        }
    }
}

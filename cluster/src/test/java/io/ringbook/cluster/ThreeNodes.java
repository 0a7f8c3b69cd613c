package io.ringbook.cluster;

import io.aeron.cluster.service.Cluster;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.testing.DemoMarket;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Three real cluster nodes in this JVM, each with its own data and driver directory under a temp dir, and a client. */
final class ThreeNodes implements AutoCloseable {

    static final ReferenceData DATA = new ReferenceData(DemoMarket.symbols(), new AccountTable(List.of("T1", "T2", "T3", "T4")));

    private final Path dir;
    private final ClusterTimeouts timeouts;
    private final ClusterTopology topology;
    private final ClusterNode[] nodes = new ClusterNode[3];
    private ClusterClient client;
    private Supplier<LogicService> services = () -> new LogicService(DATA, 1024);

    ThreeNodes(Path dir, ClusterTimeouts timeouts) {
        this.dir = dir;
        this.timeouts = timeouts;
        this.topology = ClusterTopology.localOnFreePorts("localhost", 3);
    }

    ThreeNodes startAll(boolean fresh) {
        for (int id = 0; id < 3; id++) {
            start(id, fresh);
        }
        return this;
    }

    void start(int id, boolean fresh) {
        start(id, fresh, services.get());
    }

    void start(int id, boolean fresh, LogicService service) {
        nodes[id] = ClusterNode.launch(new NodeSettings(id, topology, timeouts, dir.resolve("node-" + id), fresh, 0), service);
    }

    /** Nodes started from now on run the services {@code services} makes. */
    ThreeNodes services(Supplier<LogicService> services) {
        this.services = services;
        return this;
    }

    /** Stops a node at once, as far as its peers can tell (they hear nothing more from it). */
    void kill(int id) {
        nodes[id].close();
        nodes[id] = null;
    }

    void stopAll() {
        for (int id = 0; id < 3; id++) {
            if (nodes[id] != null) {
                kill(id);
            }
        }
    }

    ClusterClient client(long tickIntervalNanos, EngineListener listener) {
        return client(tickIntervalNanos, ClusterOutputs.eventsTo(listener));
    }

    ClusterClient client(long tickIntervalNanos, ClusterOutputs outputs) {
        client = extraClient("client-aeron", tickIntervalNanos, outputs);
        return client;
    }

    /** Another client (a second gateway), closed by the caller. */
    ClusterClient extraClient(String name, long tickIntervalNanos, ClusterOutputs outputs) {
        ClusterClient started = ClusterClient.start(new ClusterClient.Settings(topology, dir.resolve(name), "localhost",
                tickIntervalNanos, TimeUnit.SECONDS.toNanos(3), LogicService.fingerprint(DATA)), outputs, 0);
        await("a leader the client knows", 30, () -> started.leaderMemberId() >= 0);
        return started;
    }

    ClusterNode node(int id) {
        return nodes[id];
    }

    int leader() {
        for (int id = 0; id < 3; id++) {
            if (nodes[id] != null && nodes[id].service().role() == Cluster.Role.LEADER) {
                return id;
            }
        }
        return -1;
    }

    /** Waits until every running node has decided {@code sequence} commands, then checks they hold the same state. */
    NodeState assertSameState(long sequence) throws Exception {
        await("every node at sequence " + sequence, 30, () -> Arrays.stream(nodes)
                .allMatch(n -> n == null || n.service().decided() >= sequence));
        NodeState first = null;
        for (ClusterNode node : nodes) {
            if (node == null) {
                continue;
            }
            NodeState state = node.service().inspect().get(10, TimeUnit.SECONDS);
            assertEquals(sequence, state.sequence(), "node " + node.memberId() + " decided more than expected");
            if (first == null) {
                first = state;
            } else {
                assertArrayEquals(first.state(), state.state(), "node " + node.memberId() + " state differs");
                assertEquals(first.outputDigest(), state.outputDigest(), "node " + node.memberId() + " outputs differ");
                assertEquals(first.lastEventTimeNanos(), state.lastEventTimeNanos());
            }
        }
        return first;
    }

    static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + seconds + " s waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        stopAll();
    }
}

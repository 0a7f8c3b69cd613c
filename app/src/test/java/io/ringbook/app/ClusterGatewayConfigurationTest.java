package io.ringbook.app;

import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.cluster.ClusterNode;
import io.ringbook.cluster.ClusterTimeouts;
import io.ringbook.cluster.ClusterTopology;
import io.ringbook.cluster.LogicService;
import io.ringbook.cluster.NodeSettings;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.codec.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway started with another configuration than its cluster's nodes (here the nodes
 * cap open orders differently: a hand-made cluster whose processes have other heaps and
 * no {@code engine.maxOpenOrders}) refuses the cluster in one line instead of journaling
 * the nodes' decisions under its own configuration: it applies and sends nothing, and its
 * doors answer 503.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterGatewayConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void aGatewayWithAnotherConfigurationThanTheNodesRefusesInOneLine() throws Exception {
        ReferenceData demo = DemoProfile.referenceData();
        ReferenceData nodesData = new ReferenceData(demo.symbols(), demo.accounts(), demo.risk().withMaxOpenOrders(1_000));
        ClusterTopology topology = ClusterTopology.localOnFreePorts("127.0.0.1", 3);
        List<Path> nodeDirs = new ArrayList<>();
        ClusterNode[] nodes = new ClusterNode[3];
        try {
            for (int id = 0; id < 3; id++) {
                nodeDirs.add(dir.resolve("node-" + id));
                nodes[id] = ClusterNode.launch(new NodeSettings(id, topology, ClusterTimeouts.tolerant(), nodeDirs.get(id), true, 0),
                        new LogicService(nodesData, 1024));
            }
            ClusterSection section = new ClusterSection(topology, nodeDirs, ClusterTimeouts.tolerant(), 0, 100, "127.0.0.1", 0);
            Path gatewayDir = dir.resolve("gateway");
            try (ClusterGateway gateway = new ClusterGateway(DemoProfile.profile().withPorts(Ports.any()), section, gatewayDir)) {
                String why = gateway.client().refusal().get(30, TimeUnit.SECONDS);
                assertTrue(why.contains("another configuration") && why.contains("start the gateway with the profile its nodes run"),
                        why);
                assertFalse(why.contains("\n"), "one line: " + why);

                HttpResponse<String> order = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gateway.restPort() + "/api/v1/orders"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"clOrdId\":\"c-1\",\"symbol\":\"TEST\",\"side\":\"BUY\","
                                + "\"type\":\"LIMIT\",\"price\":\"100\",\"qty\":\"1\"}"))
                        .header("Content-Type", "application/json").header("X-API-Key", "t1-key").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, order.statusCode(), order.body());
                assertEquals(0, gateway.client().lastApplied(), "nothing of the cluster's outputs applied");
            }
            try (Journal journal = Journal.open(gatewayDir, DemoProfile.profile().run().durability());
                 JournalCursor inputs = new JournalCursor(journal.input(), "input journal")) {
                while (inputs.next()) {
                    assertFalse(RecordHeader.type(inputs.buffer(), inputs.offset()).isCommand(), "no command journaled");
                }
            }
            for (ClusterNode node : nodes) {
                assertEquals(0, node.service().decided(), "the refusing gateway sent nothing, not even a clock tick");
            }
        } finally {
            for (ClusterNode node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }
}

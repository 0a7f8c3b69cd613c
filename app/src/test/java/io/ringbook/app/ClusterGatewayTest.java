package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.cluster.ClusterNode;
import io.ringbook.cluster.ClusterTimeouts;
import io.ringbook.cluster.ClusterTopology;
import io.ringbook.cluster.LogicService;
import io.ringbook.cluster.NodeSettings;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster gateway through its real doors: 503 UNAVAILABLE with Retry-After while the
 * cluster has no leader; orders acknowledged once committed; GET /admin/v1/cluster as
 * API.md shows it; the leader killed, the same clOrdId resent is idempotent (200, the
 * same order) and the dead member shows DOWN; an operator's snapshot is taken by the nodes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ClusterNode[] nodes = new ClusterNode[3];
    private String rest;
    private String admin;

    @Test
    void ordersGoThroughTheClusterAndSurviveTheLeadersDeath() throws Exception {
        ClusterTopology topology = ClusterTopology.localOnFreePorts("127.0.0.1", 3);
        List<Path> nodeDirs = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            nodeDirs.add(dir.resolve("node-" + id));
        }
        ClusterSection section = new ClusterSection(topology, nodeDirs, ClusterTimeouts.demo(), 0, 100);
        try (ClusterGateway gateway = new ClusterGateway(DemoProfile.profile().withPorts(Ports.any()), section, dir.resolve("gateway"))) {
            rest = "http://127.0.0.1:" + gateway.restPort();
            admin = "http://127.0.0.1:" + gateway.adminPort();

            HttpResponse<String> noLeader = order("c-1", "100");
            assertEquals(503, noLeader.statusCode(), noLeader.body());
            assertEquals("UNAVAILABLE", JSON.readTree(noLeader.body()).get("error").get("code").asText());
            assertTrue(noLeader.headers().firstValue("Retry-After").isPresent());
            assertTrue(cluster().get("leader").isNull(), "no leader yet");

            for (int id = 0; id < 3; id++) {
                nodes[id] = ClusterNode.launch(new NodeSettings(id, topology, ClusterTimeouts.demo(), nodeDirs.get(id), true, 0),
                        new LogicService(DemoProfile.referenceData(), 1024));
            }
            HttpResponse<String> first = orderUntilAnswered("c-1", "100");
            assertEquals(201, first.statusCode(), first.body());
            long firstId = JSON.readTree(first.body()).get("orderId").asLong();

            JsonNode status = cluster();
            int leader = status.get("leader").asInt();
            assertEquals(leader, gateway.client().leaderMemberId());
            assertTrue(status.get("term").asLong() >= 0);
            for (JsonNode member : status.get("members")) {
                int id = member.get("id").asInt();
                assertEquals(id == leader ? "LEADER" : "FOLLOWER", member.get("role").asText(), status.toString());
                assertTrue(member.get("commitPosition").asLong() > 0, status.toString());
            }

            nodes[leader].close();
            nodes[leader] = null;
            HttpResponse<String> second = orderUntilAnswered("c-2", "101");
            assertEquals(201, second.statusCode(), second.body());
            HttpResponse<String> resent = order("c-2", "101");
            assertEquals(200, resent.statusCode(), "a resend with the same clOrdId is idempotent: " + resent.body());
            assertEquals(JSON.readTree(second.body()).get("orderId"), JSON.readTree(resent.body()).get("orderId"));
            HttpResponse<String> before = order("c-1", "100");
            assertEquals(200, before.statusCode(), before.body());
            assertEquals(firstId, JSON.readTree(before.body()).get("orderId").asLong());

            JsonNode after = cluster();
            assertNotEquals(leader, after.get("leader").asInt());
            assertEquals("DOWN", after.get("members").get(leader).get("role").asText(), after.toString());

            HttpResponse<String> snapshot = http.send(HttpRequest.newBuilder(URI.create(admin + "/admin/v1/snapshot"))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer operator-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, snapshot.statusCode(), snapshot.body());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (java.util.Arrays.stream(nodes).anyMatch(n -> n != null && n.service().snapshotsTaken() == 0)) {
                assertTrue(System.nanoTime() < deadline, "POST /admin/v1/snapshot made every live node take a snapshot");
                Thread.sleep(20);
            }
        } finally {
            for (ClusterNode node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    /** Resends while the cluster answers 503 (no leader yet, or an election), as a client should. */
    private HttpResponse<String> orderUntilAnswered(String clOrdId, String price) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = order(clOrdId, price);
            if (response.statusCode() != 503 && response.statusCode() != 504 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> order(String clOrdId, String price) throws Exception {
        String body = "{\"clOrdId\":\"" + clOrdId + "\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"" + price
                + "\",\"qty\":\"1\"}";
        return http.send(HttpRequest.newBuilder(URI.create(rest + "/api/v1/orders")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-API-Key", "t1-key").build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode cluster() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + "/admin/v1/cluster"))
                .header("Authorization", "Bearer viewer-token").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}

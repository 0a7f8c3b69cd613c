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
import quickfix.Message;
import quickfix.field.MsgType;

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
 * cluster has no leader; orders acknowledged once committed, over REST and FIX; GET /admin/v1/cluster as
 * API.md shows it; the leader killed, the same clOrdId resent is idempotent (200, the
 * same order) and the dead member shows DOWN; a halt shows in the gateway's risk view; an
 * operator's snapshot is taken by the nodes.
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
        ClusterSection section = new ClusterSection(topology, nodeDirs, ClusterTimeouts.demo(), 0, 100, "127.0.0.1", 0);
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
            try (FixClient t2 = new FixClient("T2", gateway.fixPort(), dir.resolve("fix-client"))) {
                assertTrue(t2.awaitLogon(10), "T2 logs on to the cluster gateway's FIX door");
                t2.send(FixEndToEndTest.order("s-1", "TEST", '2', "100", "1"));
                assertEquals('0', t2.next(MsgType.EXECUTION_REPORT).getChar(150), "new");
                Message fill = t2.next(MsgType.EXECUTION_REPORT);
                assertEquals('F', fill.getChar(150), "T2's sell fills against T1's REST order");
                assertEquals("100", fill.getString(31));
            }

            assertEquals(200, operator("/admin/v1/symbols/TEST/halt").statusCode());
            assertTrue(testSymbol().get("halted").asBoolean(), "the gateway's risk view follows the nodes' halt");
            assertEquals(200, operator("/admin/v1/symbols/TEST/resume").statusCode());
            assertTrue(!testSymbol().get("halted").asBoolean());

            JsonNode status = cluster();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!settled(status)) { // a follower may still be catching up (or, on a busy machine, re-electing)
                assertTrue(System.nanoTime() < deadline, "members settled: " + status);
                Thread.sleep(50);
                status = cluster();
            }
            int leader = status.get("leader").asInt();
            assertEquals(leader, gateway.client().leaderMemberId());
            assertTrue(status.get("term").asLong() >= 0);

            nodes[leader].close();
            nodes[leader] = null;
            HttpResponse<String> second = orderUntilAnswered("c-2", "101");
            assertEquals(201, second.statusCode(), second.body());
            HttpResponse<String> resent = orderUntilAnswered("c-2", "101");
            assertEquals(200, resent.statusCode(), "a resend with the same clOrdId is idempotent: " + resent.body());
            assertEquals(JSON.readTree(second.body()).get("orderId"), JSON.readTree(resent.body()).get("orderId"));
            HttpResponse<String> before = orderUntilAnswered("c-1", "100");
            assertEquals(200, before.statusCode(), before.body());
            assertEquals(firstId, JSON.readTree(before.body()).get("orderId").asLong());

            JsonNode after = cluster();
            assertNotEquals(leader, after.get("leader").asInt());
            assertEquals("DOWN", after.get("members").get(leader).get("role").asText(), after.toString());

            HttpResponse<String> snapshot = operator("/admin/v1/snapshot");
            assertEquals(200, snapshot.statusCode(), snapshot.body());
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
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

    /** One LEADER (the one named), the others FOLLOWER, every commit position past the start. */
    private static boolean settled(JsonNode status) {
        if (status.get("leader").isNull()) {
            return false;
        }
        int leader = status.get("leader").asInt();
        for (JsonNode member : status.get("members")) {
            String expected = member.get("id").asInt() == leader ? "LEADER" : "FOLLOWER";
            if (!expected.equals(member.get("role").asText()) || member.get("commitPosition").asLong() <= 0) {
                return false;
            }
        }
        return true;
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

    /** An operator's POST, resent while the cluster answers 503 (an election on a busy machine). */
    private HttpResponse<String> operator(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer operator-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(50);
        }
    }

    private JsonNode testSymbol() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + "/admin/v1/symbols"))
                .header("Authorization", "Bearer viewer-token").build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode symbol : JSON.readTree(response.body())) {
            if (symbol.get("symbol").asText().equals("TEST")) {
                return symbol;
            }
        }
        throw new AssertionError("no TEST in " + response.body());
    }

    private JsonNode cluster() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + "/admin/v1/cluster"))
                .header("Authorization", "Bearer viewer-token").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}

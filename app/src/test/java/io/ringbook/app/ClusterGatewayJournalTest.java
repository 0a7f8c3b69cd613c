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
import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.ReplayVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster gateway's data directory is an engine's for an auditor: its journal holds
 * the commands as the cluster's log sequenced them (with the log's time) and their events,
 * and replaying it with the single-process engine reproduces every event byte for byte
 * (the cluster decides as the single-process engine does). Also: a member whose counters
 * the gateway cannot read shows role UNKNOWN in {@code GET /admin/v1/cluster}, never null.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterGatewayJournalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ClusterNode[] nodes = new ClusterNode[3];

    @Test
    void theGatewaysJournalHoldsCommandsAndEventsAndReplaysByteForByteWithTheSingleProcessEngine() throws Exception {
        ClusterTopology topology = ClusterTopology.localOnFreePorts("127.0.0.1", 3);
        List<Path> nodeDirs = new ArrayList<>(Arrays.asList(dir.resolve("node-0"), dir.resolve("node-1"), null));
        ClusterSection section = new ClusterSection(topology, nodeDirs, ClusterTimeouts.tolerant(), 0, 50, "127.0.0.1", 0);
        Path gatewayDir = dir.resolve("gateway");
        try {
            try (ClusterGateway gateway = new ClusterGateway(DemoProfile.profile().withPorts(Ports.any()), section, gatewayDir)) {
                String rest = "http://127.0.0.1:" + gateway.restPort();
                String admin = "http://127.0.0.1:" + gateway.adminPort();
                JsonNode before = get(admin + "/admin/v1/cluster");
                assertEquals("UNKNOWN", before.get("members").get(2).get("role").asText(), before.toString());

                for (int id = 0; id < 3; id++) {
                    nodes[id] = ClusterNode.launch(new NodeSettings(id, topology, ClusterTimeouts.tolerant(),
                            dir.resolve("node-" + id), true, 0), new LogicService(DemoProfile.referenceData(), 1024));
                }
                for (int i = 0; i < 30; i++) {
                    boolean buy = i % 2 == 0;
                    HttpResponse<String> placed = orderUntilAnswered(rest, buy ? "t1-key" : "t2-key", "j-" + i, buy ? "BUY" : "SELL",
                            String.valueOf(100 + i % 3));
                    assertTrue(placed.statusCode() == 201, placed.body());
                }
                JsonNode status = get(admin + "/admin/v1/cluster");
                for (JsonNode member : status.get("members")) {
                    assertTrue(member.get("role").isTextual(), "a role for every member: " + status);
                }
                int leader = status.get("leader").asInt();
                assertEquals(leader == 2 ? "LEADER" : "UNKNOWN", status.get("members").get(2).get("role").asText(), status.toString());
                assertTrue(gateway.client().lastApplied() > 30, "the gateway applied the cluster's frames");
            }
            List<String> commands = new ArrayList<>();
            JournalQuery.run(gatewayDir, new JournalQuery.Filter(Long.MIN_VALUE, Long.MAX_VALUE,
                    io.ringbook.journal.codec.RecordType.NEW_ORDER, null), commands::add);
            assertEquals(30, commands.size(), "every order as the log sequenced it, in the gateway's journal: " + commands);
            List<String> all = new ArrayList<>();
            JournalQuery.run(gatewayDir, JournalQuery.Filter.ALL, all::add);
            assertTrue(all.stream().anyMatch(line -> line.contains("ORDER_FILLED")), "and the events: " + all.size());
            assertTrue(all.stream().anyMatch(line -> line.contains("CLOCK_TICK")), "ticks are commands too");

            ReplayVerifier.Report replay = ReplayVerifier.verify(gatewayDir, EngineLogic.replay(1 << 12));
            assertTrue(replay.identical(), "the single-process engine replays the gateway's journal byte for byte: "
                    + replay.firstDifference());
            assertTrue(replay.events() >= 50, "30 acknowledgements and the fills compared: " + replay.events());
        } finally {
            for (ClusterNode node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer viewer-token").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Resends while the cluster answers 503 (no leader yet), as a client should. */
    private HttpResponse<String> orderUntilAnswered(String rest, String key, String clOrdId, String side, String price) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String body = "{\"clOrdId\":\"" + clOrdId + "\",\"symbol\":\"TEST\",\"side\":\"" + side + "\",\"type\":\"LIMIT\",\"price\":\""
                + price + "\",\"qty\":\"1\"}";
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rest + "/api/v1/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                    .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 && response.statusCode() != 504 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(50);
        }
    }
}

package io.ringbook.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/v1/cluster} as API.md shows it: the leader the gateway's client
 * follows (null during an election), its term, and each member's role and commit
 * position, read from the member's driver counters when its data directory is on this
 * machine (otherwise the leader is LEADER and the others' roles are unknown: null).
 */
public final class ClusterStatus {

    private final ClusterClient client;
    private final List<Path> nodeDataDirs;

    /** @param nodeDataDirs each member's data directory by id, null where it is not on this machine */
    public ClusterStatus(ClusterClient client, List<Path> nodeDataDirs) {
        this.client = client;
        this.nodeDataDirs = new ArrayList<>(nodeDataDirs);
    }

    public Map<String, Object> report() {
        int leader = client.leaderMemberId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leader", leader < 0 ? null : leader);
        body.put("term", client.leadershipTermId());
        List<Map<String, Object>> members = new ArrayList<>();
        for (int id = 0; id < nodeDataDirs.size(); id++) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", id);
            Path dir = nodeDataDirs.get(id);
            if (dir != null) {
                NodeProbe.Seen seen = NodeProbe.probe(dir.resolve("aeron"));
                member.put("role", seen.role());
                member.put("commitPosition", seen.commitPosition() < 0 ? null : seen.commitPosition());
            } else {
                member.put("role", id == leader ? "LEADER" : null);
                member.put("commitPosition", null);
            }
            members.add(member);
        }
        body.put("members", members);
        return body;
    }
}

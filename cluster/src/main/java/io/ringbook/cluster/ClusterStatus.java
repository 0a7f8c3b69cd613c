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
 * machine. A member on another machine is LEADER if the client follows it, else
 * {@value #UNKNOWN} (the gateway cannot tell a follower from a dead node there), with a
 * null commit position. Besides API.md's fields: the commands the cluster's logic
 * failed on (quarantined on every node) and the egress frames the gateway missed.
 */
public final class ClusterStatus {

    /** The role of a member whose counters this machine cannot read (docs/CLUSTER.md). */
    public static final String UNKNOWN = "UNKNOWN";

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
                member.put("role", id == leader ? "LEADER" : UNKNOWN);
                member.put("commitPosition", null);
            }
            members.add(member);
        }
        body.put("members", members);
        body.put("quarantinedCommands", client.quarantines());
        body.put("lastQuarantine", client.lastQuarantine());
        body.put("framesMissed", client.framesMissed());
        return body;
    }
}

package io.ringbook.cluster;

import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster as the gateway's {@code /health} shows it ({@code cluster}): DOWN while
 * there is no leader; DEGRADED once the cluster's logic has failed on a command (it was
 * quarantined on every node, so the cluster goes on, but a bug wants looking at) or the
 * gateway missed egress frames the cluster no longer kept; else UP. The details name the
 * leader (-1: none), the quarantined commands and the last one.
 */
public final class ClusterHealth {

    private ClusterHealth() {
    }

    public static HealthComponent of(ClusterClient client) {
        return HealthComponent.of("cluster", true, () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            int leader = client.leaderMemberId();
            details.put("leader", leader);
            details.put("quarantinedCommands", client.quarantines());
            if (client.lastQuarantine() != null) {
                details.put("lastQuarantine", client.lastQuarantine());
            }
            details.put("framesMissed", client.framesMissed());
            details.put("unconfirmedCommands", client.unconfirmed());
            if (leader < 0) {
                details.put("reason", "the cluster has no leader (election in progress, or no majority)");
                return new HealthCheck(HealthStatus.DOWN, details);
            }
            if (client.quarantines() > 0 || client.framesMissed() > 0) {
                details.put("reason", "the cluster's logic failed on " + client.quarantines() + " command(s), quarantined on "
                        + "every node; " + client.framesMissed() + " egress frame(s) missed");
                return new HealthCheck(HealthStatus.DEGRADED, details);
            }
            return new HealthCheck(HealthStatus.UP, details);
        });
    }
}

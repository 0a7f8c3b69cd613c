package io.ringbook.cluster;

/**
 * One node of the cluster as every node and client must see it: its id, its host and the
 * first of the ports it uses. The ports follow from the base, so a configuration names
 * one number per node: archive control +1, client ingress +2, consensus +3, log +4,
 * catch-up +5.
 */
public record ClusterMember(int id, String host, int portBase) {

    public ClusterMember {
        if (id < 0 || host == null || host.isBlank() || portBase < 1 || portBase > 65_535 - 5) {
            throw new IllegalArgumentException("cluster member needs an id >= 0, a host and a port base in 1..65530: "
                    + id + " " + host + " " + portBase);
        }
    }

    public int archiveControlPort() {
        return portBase + 1;
    }

    public int ingressPort() {
        return portBase + 2;
    }

    public int consensusPort() {
        return portBase + 3;
    }

    public int logPort() {
        return portBase + 4;
    }

    public int catchupPort() {
        return portBase + 5;
    }

    String endpoint(int port) {
        return host + ":" + port;
    }
}

package io.ringbook.cluster;

import java.util.List;
import java.util.StringJoiner;

/**
 * The cluster's members, in the two spellings Aeron wants: the consensus module's member
 * list and the client's ingress endpoints. Every node and every gateway is built from the
 * same topology, so they agree on who is who.
 */
public record ClusterTopology(List<ClusterMember> members) {

    public ClusterTopology {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one member");
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id() != i) {
                throw new IllegalArgumentException("cluster member ids must be 0.." + (members.size() - 1) + " in order");
            }
        }
    }

    /** {@code count} members on one host, the ports of member N starting at {@code portBase + 100 * N}. */
    public static ClusterTopology local(String host, int count, int portBase) {
        return new ClusterTopology(java.util.stream.IntStream.range(0, count)
                .mapToObj(id -> new ClusterMember(id, host, portBase + 100 * id)).toList());
    }

    /** {@code count} members on one host, on a range of ports free on UDP right now (for tests and benchmarks). */
    public static ClusterTopology localOnFreePorts(String host, int count) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            ClusterTopology topology = local(host, count, random.nextInt(200, 580) * 100);
            if (topology.members.stream().allMatch(ClusterTopology::udpFree)) {
                return topology;
            }
        }
        throw new IllegalStateException("no free UDP port range found for " + count + " cluster members");
    }

    private static boolean udpFree(ClusterMember member) {
        for (int port = member.archiveControlPort(); port <= member.catchupPort(); port++) {
            try (java.net.DatagramSocket socket = new java.net.DatagramSocket(port, java.net.InetAddress.getByName(member.host()))) {
                socket.getLocalPort();
            } catch (java.io.IOException taken) {
                return false;
            }
        }
        return true;
    }

    public ClusterMember member(int id) {
        if (id < 0 || id >= members.size()) {
            throw new IllegalArgumentException("no cluster member " + id + " (members 0.." + (members.size() - 1) + ")");
        }
        return members.get(id);
    }

    public int size() {
        return members.size();
    }

    /** {@code id,ingress,consensus,log,catchup,archiveControl|...} as the consensus module reads it. */
    String consensusMembers() {
        StringJoiner all = new StringJoiner("|");
        for (ClusterMember m : members) {
            all.add(m.id() + "," + m.endpoint(m.ingressPort()) + "," + m.endpoint(m.consensusPort()) + ","
                    + m.endpoint(m.logPort()) + "," + m.endpoint(m.catchupPort()) + "," + m.endpoint(m.archiveControlPort()));
        }
        return all.toString();
    }

    /** {@code id=host:port,...}: where a client finds each member's ingress. */
    String ingressEndpoints() {
        StringJoiner all = new StringJoiner(",");
        for (ClusterMember m : members) {
            all.add(m.id() + "=" + m.endpoint(m.ingressPort()));
        }
        return all.toString();
    }
}

package io.ringbook.cluster;

/**
 * The Aeron channels and stream ids the nodes and the gateway agree on. Term lengths are
 * kept small (a message may be an eighth of its term): commands and events are at most a
 * few hundred bytes, and on a 2-core machine three nodes' buffers must share the memory.
 * The log between the nodes uses 8 KiB datagrams: a gateway's batch of commands (up to
 * 8 KiB) reaches each follower in one datagram instead of six, which saves the drivers
 * CPU per command in a burst. Ingress and egress keep Aeron's default MTU (1,408 bytes):
 * 8 KiB there as well made the gateway's session close around a leader's death in an
 * earlier measurement, and fail-over slower (docs/CLUSTER.md).
 */
final class Channels {

    static final String LOG = "aeron:udp?term-length=1m|mtu=8192";
    static final String INGRESS = "aeron:udp?term-length=256k";
    static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    static final int TERM_64K = 64 * 1024;

    private Channels() {
    }

    static String udp(String endpoint) {
        return "aeron:udp?term-length=64k|endpoint=" + endpoint;
    }

    /** An egress, response or replication channel on an ephemeral port of {@code host}. */
    static String ephemeral(String host) {
        return "aeron:udp?term-length=256k|endpoint=" + host + ":0";
    }
}

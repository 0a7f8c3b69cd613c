package io.ringbook.cluster;

/**
 * The Aeron channels and stream ids the nodes and the gateway agree on. Term lengths are
 * kept small (a message may be an eighth of its term): commands and events are at most a
 * few hundred bytes, and on a 2-core machine three nodes' buffers must share the memory.
 * Datagrams keep Aeron's default MTU (1,408 bytes): larger ones on loopback saved the
 * drivers CPU in a burst, but made sessions close around a leader's death, and fail-over
 * slower (docs/CLUSTER.md).
 */
final class Channels {

    static final String LOG = "aeron:udp?term-length=1m";
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

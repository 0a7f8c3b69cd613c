package io.ringbook.cluster;

/**
 * The Aeron channels and stream ids the nodes and the gateway agree on. Term lengths are
 * kept small (a message may be an eighth of its term): commands and events are at most a
 * few hundred bytes, and on a 2-core machine three nodes' buffers must share the memory.
 * The log between the nodes uses 8 KiB datagrams: a gateway's batch of commands (up to
 * 8 KiB) reaches each follower in one datagram instead of six, which saves the drivers
 * CPU per command in a burst. The egress to a gateway does too: the frames of a batch
 * (about 230 bytes a command) go in a sixth of the datagrams, each of which costs the
 * leader's driver a send and the gateway's driver a duty cycle to receive, which took
 * the drivers' CPU per command down by about a quarter and the burst up by a fifth or more
 * (docs/CLUSTER.md). Ingress keeps Aeron's default MTU (1,408 bytes): 8 KiB on ingress
 * and egress together made the gateway's session close around a leader's death in an
 * earlier measurement; egress alone did not (ClusterFailoverBench, docs/CLUSTER.md).
 * Like the log's, the egress datagrams are sized for loopback or jumbo frames.
 * <p>
 * Both 8 KiB channels ask for a 1 MiB receive socket buffer ({@code so-rcvbuf}): the
 * kernel counts an 8 KiB datagram as about 17 KiB against the buffer, so the default
 * (128 KiB asked, 256 KiB granted) held less than the receiver's 128 KiB window, and a
 * receiver descheduled on the shared cores lost datagrams (the kernel's UDP
 * RcvbufErrors: 150-450 in a burst of the benchmark, each a NAK and a retransmission,
 * 0 with the larger buffer). The kernel caps it at {@code net.core.rmem_max}.
 */
final class Channels {

    static final String LOG = "aeron:udp?term-length=1m|mtu=8192|so-rcvbuf=1m";
    static final String INGRESS = "aeron:udp?term-length=256k";
    static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    static final int TERM_64K = 64 * 1024;

    private Channels() {
    }

    static String udp(String endpoint) {
        return "aeron:udp?term-length=64k|endpoint=" + endpoint;
    }

    /** The egress channel a gateway's client gives the cluster: an ephemeral port of {@code host}, 8 KiB datagrams. */
    static String egress(String host) {
        return "aeron:udp?term-length=256k|mtu=8192|so-rcvbuf=1m|endpoint=" + host + ":0";
    }

    /** A response or replication channel on an ephemeral port of {@code host}. */
    static String ephemeral(String host) {
        return "aeron:udp?term-length=256k|endpoint=" + host + ":0";
    }
}

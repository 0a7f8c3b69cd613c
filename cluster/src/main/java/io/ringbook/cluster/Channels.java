package io.ringbook.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.protocol.DataHeaderFlyweight;

/**
 * The Aeron channels and stream ids the nodes and the gateway agree on. Term lengths are
 * kept small (a message may be an eighth of its term): commands and events are at most a
 * few hundred bytes, and on a 2-core machine three nodes' buffers must share the memory.
 * <p>
 * The log between the nodes, the ingress from a gateway and the egress back to it use
 * 8 KiB datagrams: a gateway's batch of commands (up to {@link #ONE_DATAGRAM} bytes)
 * reaches the leader and each follower in one datagram instead of six, and a burst's egress frames
 * (about 230 bytes a command) go in a sixth of the datagrams. Each datagram costs a send,
 * and the receiving driver a duty cycle that polls every one of its sockets, so this took
 * the drivers' CPU per command down by about a quarter and the burst up by about a
 * tenth in alternating runs on the quiet machine (docs/CLUSTER.md). These datagrams are
 * sized for loopback or jumbo frames; on a network with a 1,500-byte MTU each would travel
 * as about six IP fragments.
 * <p>
 * The 8 KiB channels ask for a 1 MiB receive socket buffer ({@code so-rcvbuf}): the
 * kernel counts an 8 KiB datagram as about 17 KiB against the buffer, so the default
 * (128 KiB asked, 256 KiB granted) held less than the receiver's 128 KiB window, and a
 * receiver descheduled on the shared cores lost datagrams (the kernel's UDP
 * RcvbufErrors: 150-450 in a burst of the benchmark, each a NAK and a retransmission,
 * 0 with the larger buffer). Such losses were the likely cause of the gateway sessions an
 * earlier build's new leaders closed with 8 KiB ingress and egress; with the larger
 * buffer, ten fail-overs of ClusterFailoverBench closed none. The kernel caps the buffer
 * at {@code net.core.rmem_max}, and Aeron sets SO_RCVBUF without checking what was
 * granted: a lower {@code rmem_max} clamps it silently (Linux then grants twice the capped
 * value), leaving less margin than measured (set e.g.
 * {@code sysctl -w net.core.rmem_max=4194304}). The replication channel
 * ({@code ephemeral}) keeps the default buffer; the losses were measured away on the log,
 * ingress and egress only.
 * <p>
 * The MTU is a constant here, so changing it is a rebuild; changing the log's on an
 * existing cluster makes the archive refuse to extend the log recording, so every node
 * must then start with {@code --fresh} (docs/CLUSTER.md).
 */
final class Channels {

    /** The datagram size of the log, the ingress and the egress. */
    static final int MTU = 8192;
    /**
     * The longest cluster message (a gateway's batch on the ingress and the log, a run of
     * frames on the egress) that travels in one datagram: the datagram's frame header and
     * the cluster's session header in front of the message take the rest. A longer one is
     * sent in fragments, one datagram each, and reassembled (copied) by every receiver.
     */
    static final int ONE_DATAGRAM = MTU - DataHeaderFlyweight.HEADER_LENGTH - AeronCluster.SESSION_HEADER_LENGTH;
    static final String LOG = "aeron:udp?term-length=1m|mtu=" + MTU + "|so-rcvbuf=1m";
    static final String INGRESS = "aeron:udp?term-length=256k|mtu=" + MTU + "|so-rcvbuf=1m";
    static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    static final int TERM_64K = 64 * 1024;

    private Channels() {
    }

    static String udp(String endpoint) {
        return "aeron:udp?term-length=64k|endpoint=" + endpoint;
    }

    /** The egress channel a gateway's client gives the cluster: an ephemeral port of {@code host}, 8 KiB datagrams (above). */
    static String egress(String host) {
        return "aeron:udp?term-length=256k|mtu=" + MTU + "|so-rcvbuf=1m|endpoint=" + host + ":0";
    }

    /** A response or replication channel on an ephemeral port of {@code host}. */
    static String ephemeral(String host) {
        return "aeron:udp?term-length=256k|endpoint=" + host + ":0";
    }
}

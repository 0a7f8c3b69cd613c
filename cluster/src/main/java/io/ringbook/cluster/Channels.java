package io.ringbook.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.protocol.DataHeaderFlyweight;

/**
 * The Aeron channels and stream ids the nodes and the gateway agree on. Term lengths are
 * kept small (a message may be an eighth of its term): commands and events are at most a
 * few hundred bytes, and on a 2-core machine three nodes' buffers must share the memory;
 * the log, the ingress and the egress have the terms their windows need (below).
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
 * The 8 KiB channels ask for a receive socket buffer of 1 MiB or more ({@code so-rcvbuf}): the
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
 * Each channel's receiver window ({@code rcv-wnd}: how far a sender may run ahead of
 * what the receiving side has consumed) is far wider than Aeron's default of 128 KiB:
 * 512 KiB on the log and the ingress (about 7,000 of the benchmark's commands), 1 MiB on
 * the egress (about 4,500 commands' frames, which are three times a command's bytes), in
 * terms long enough to allow them (a window is at most half a term). With the default
 * window a burst filled the egress in about 2.5 ms, less than the gateway's agent and
 * driver take to wake from their idle sleeps on two shared cores, and the leader's
 * service, back-pressured, slept (up to a millisecond a try) with the whole log behind
 * it: about 5,000 such waits in a burst of the benchmark, 7 s of the service's 16 (its
 * ingress likewise back-pressured the gateway's agent some 6,000 times); with these
 * windows, under a hundred each (docs/CLUSTER.md, "Figures"). Each socket buffer
 * ({@code so-rcvbuf}) holds its window: the kernel counts an 8 KiB datagram as about
 * 17 KiB, and Linux grants twice the size asked.
 * <p>
 * The log is paced by its slowest follower ({@code fc=min}), not by Aeron's default for
 * several receivers (the fastest): with the wide window, a burst let the leader and one
 * follower lap the third node, starved on the shared cores, which then lost its image and
 * fell out of the log until it caught up. A follower that sends no status for 500 ms
 * ({@code t:500ms}: killed or frozen) stops pacing the leader until it answers again, so
 * a follower's death should hold the log for at most about that long (docs/CLUSTER.md).
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
    static final String LOG = "aeron:udp?term-length=1m|mtu=" + MTU + "|so-rcvbuf=1m|rcv-wnd=512k|fc=min,t:500ms";
    static final String INGRESS = "aeron:udp?term-length=1m|mtu=" + MTU + "|so-rcvbuf=1m|rcv-wnd=512k";
    static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    static final int TERM_64K = 64 * 1024;

    private Channels() {
    }

    static String udp(String endpoint) {
        return "aeron:udp?term-length=64k|endpoint=" + endpoint;
    }

    /** The egress channel a gateway's client gives the cluster: an ephemeral port of {@code host}, 8 KiB datagrams, a 1 MiB window (above). */
    static String egress(String host) {
        return "aeron:udp?term-length=4m|mtu=" + MTU + "|so-rcvbuf=2m|rcv-wnd=1m|endpoint=" + host + ":0";
    }

    /** A response or replication channel on an ephemeral port of {@code host}. */
    static String ephemeral(String host) {
        return "aeron:udp?term-length=256k|endpoint=" + host + ":0";
    }
}

package io.ringbook.cluster;

/**
 * The Aeron channels and stream ids the nodes and the gateway agree on. Term lengths are
 * kept small (a message may be an eighth of its term): commands and events are at most a
 * few hundred bytes, and on a 2-core machine three nodes' buffers must share the memory.
 * When every member (and, for egress, the gateway) is on this machine's loopback, the log,
 * ingress and egress carry datagrams of up to {@value #LOOPBACK_MTU} bytes instead of
 * Aeron's default 1,408: a batch of commands then crosses in one or two datagrams instead
 * of six, which saves the drivers about a third of their CPU; on a real network the
 * default stays, so no datagram is split by IP.
 */
final class Channels {

    static final int LOOPBACK_MTU = 8 * 1024;
    static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";
    static final int TERM_64K = 64 * 1024;

    private Channels() {
    }

    static String log(boolean loopback) {
        return "aeron:udp?term-length=1m" + mtu(loopback);
    }

    static String ingress(boolean loopback) {
        return "aeron:udp?term-length=256k" + mtu(loopback);
    }

    /** The egress channel on an ephemeral port of {@code host}. */
    static String egress(String host, boolean loopback) {
        return "aeron:udp?term-length=256k" + mtu(loopback) + "|endpoint=" + host + ":0";
    }

    private static String mtu(boolean loopback) {
        return loopback ? "|mtu=" + LOOPBACK_MTU : "";
    }

    static String udp(String endpoint) {
        return "aeron:udp?term-length=64k|endpoint=" + endpoint;
    }

    /** A response or replication channel on an ephemeral port of {@code host}. */
    static String ephemeral(String host) {
        return "aeron:udp?term-length=256k|endpoint=" + host + ":0";
    }
}

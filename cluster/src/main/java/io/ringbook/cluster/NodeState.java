package io.ringbook.cluster;

/**
 * What one node's service holds at a command boundary: how many commands it has decided,
 * a digest of every event record it produced since the cluster began ({@link OutputDigest}), and its business
 * logic's whole state in the engine's snapshot format. Equal on every node that has
 * decided the same log. Besides, how often the logic's clOrdId index grew beyond the size
 * it was built for (a figure of this node's sizing, not of the state).
 */
public record NodeState(long sequence, long lastEventTimeNanos, long outputDigest, byte[] state, long clOrdIdIndexSplits) {
}

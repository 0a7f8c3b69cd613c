package io.ringbook.cluster;

/**
 * A running digest of a stream of event records: each record's CRC32C folded into a
 * 64-bit value. Unlike a CRC over the whole stream it can be continued from a stored
 * value, so a node restored from a snapshot keeps the digest of everything it ever output,
 * and two nodes (or a node and the single-process engine) that produced the same records
 * hold the same digest.
 */
public final class OutputDigest {

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private OutputDigest() {
    }

    public static long next(long digest, long recordCrc) {
        return (digest ^ recordCrc) * MULTIPLIER + 1;
    }
}

package io.ringbook.cluster;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.RecordHeader;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * What of a configuration the decisions depend on (symbols, accounts, risk limits, the
 * venue's cap on open orders), as the CRC32C of its journal CONFIG record: equal on nodes
 * that decide alike. The log and every snapshot carry the fingerprint they were made
 * with, and a node or gateway whose own differs refuses to go on ({@link #mismatch}).
 * <p>
 * Logs and snapshots made before the venue's cap joined the configuration (snapshot
 * version 1) carry the fingerprint of the older record (CONFIG schema 2: the same lines
 * without {@code venue}), and their nodes capped nothing. Such a fingerprint is accepted,
 * exactly, by a node whose configuration is the same and caps nothing either; a node
 * with a cap is refused with a message that names both ways on.
 */
final class ConfigurationFingerprint {

    private static final int LEGACY_SCHEMA = 2;
    private static final int VERSION_OFFSET = 3;

    private final ReferenceData data;
    private final int current;
    private final int legacy;

    ConfigurationFingerprint(ReferenceData data) {
        this.data = data;
        this.current = of(data);
        this.legacy = crc(legacyRecord(data));
    }

    /** The fingerprint of {@code data} as this version writes it. */
    static int of(ReferenceData data) {
        ExpandableArrayBuffer config = new ExpandableArrayBuffer(4096);
        int length = ConfigCodec.encode(data, 0, 0, config, 0);
        return crc(Arrays.copyOf(config.byteArray(), length));
    }

    int current() {
        return current;
    }

    /**
     * The CONFIG record of {@code data} in schema 2 (before the venue's cap): this
     * version's record without its last line ({@code venue N}), its header's length and
     * version set accordingly.
     */
    static byte[] legacyRecord(ReferenceData data) {
        ExpandableArrayBuffer config = new ExpandableArrayBuffer(4096);
        int length = ConfigCodec.encode(data, 0, 0, config, 0);
        String text = new String(config.byteArray(), RecordHeader.LENGTH, length - RecordHeader.LENGTH, StandardCharsets.UTF_8);
        byte[] older = text.substring(0, text.lastIndexOf("venue ")).getBytes(StandardCharsets.UTF_8);
        int legacyLength = RecordHeader.LENGTH + older.length;
        config.putBytes(RecordHeader.LENGTH, older);
        config.putShort(0, (short) legacyLength, RecordHeader.ORDER);
        config.putByte(VERSION_OFFSET, (byte) LEGACY_SCHEMA);
        return Arrays.copyOf(config.byteArray(), legacyLength);
    }

    /**
     * Null if a log or snapshot made with {@code logged} may be gone on from with this
     * configuration, else why not, in one line ({@code what}: "the cluster's log",
     * "its snapshot").
     */
    String mismatch(int logged, String what) {
        if (logged == current || logged == legacy && data.risk().maxOpenOrders() == AccountLimits.UNLIMITED) {
            return null;
        }
        if (logged == legacy) {
            return String.format("%s was made before the venue's cap on open orders was part of the configuration (fingerprint "
                    + "%08x), when there was none, and this node caps open orders at %d: start every node with --fresh (a new log), "
                    + "or with engine.maxOpenOrders: %d (no cap) to go on from it", what, logged, data.risk().maxOpenOrders(),
                    AccountLimits.UNLIMITED);
        }
        return String.format("%s was made with another configuration (fingerprint %08x, this node's %08x): start every node with "
                + "the same profile (symbols, accounts, risk limits, engine.maxOpenOrders), or every node with --fresh (a new log)",
                what, logged, current);
    }

    private static int crc(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record);
        return (int) crc.getValue();
    }
}

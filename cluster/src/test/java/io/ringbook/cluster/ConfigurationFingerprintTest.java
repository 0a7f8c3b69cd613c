package io.ringbook.cluster;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs and version-1 snapshots made before the venue's cap joined the configuration carry
 * the fingerprint of a schema-2 CONFIG record: read exactly by a node that caps nothing,
 * as those nodes did; refused, naming {@code --fresh} and the setting, by one with a cap.
 */
class ConfigurationFingerprintTest {

    private static final ReferenceData UNCAPPED = withCap(AccountLimits.UNLIMITED);
    private static final ReferenceData CAPPED = withCap(262_144);

    @Test
    void theOlderRecordIsASchemaTwoRecordOfTheSameConfigurationWithoutACap() {
        byte[] legacy = ConfigurationFingerprint.legacyRecord(CAPPED);
        UnsafeBuffer buffer = new UnsafeBuffer(legacy);
        assertEquals(2, RecordHeader.version(buffer, 0));
        assertEquals(legacy.length, RecordHeader.length(buffer, 0));
        assertFalse(new String(legacy, RecordHeader.LENGTH, legacy.length - RecordHeader.LENGTH).contains("venue"));
        ReferenceData read = ConfigCodec.decode(buffer, 0);
        assertEquals(AccountLimits.UNLIMITED, read.risk().maxOpenOrders(), "a schema 2 record is read without a cap");
        assertEquals(ConfigurationFingerprint.of(UNCAPPED), ConfigurationFingerprint.of(read), "and otherwise the same configuration");
    }

    @Test
    void aLegacyFingerprintIsReadByANodeWithoutACapAndRefusedWithTheWaysOnByOneWithACap() {
        int legacy = crc(ConfigurationFingerprint.legacyRecord(UNCAPPED));
        assertEquals(legacy, crc(ConfigurationFingerprint.legacyRecord(CAPPED)), "the older record has no cap in it");

        assertNull(new ConfigurationFingerprint(UNCAPPED).mismatch(legacy, "its snapshot"));
        assertNull(new ConfigurationFingerprint(CAPPED).mismatch(ConfigurationFingerprint.of(CAPPED), "its snapshot"));

        String capped = new ConfigurationFingerprint(CAPPED).mismatch(legacy, "its snapshot");
        assertTrue(capped.startsWith("its snapshot was made before the venue's cap on open orders") && capped.contains("--fresh")
                && capped.contains("engine.maxOpenOrders: " + AccountLimits.UNLIMITED) && capped.contains("262144"), capped);
        assertFalse(capped.contains("\n"));

        String other = new ConfigurationFingerprint(CAPPED).mismatch(ConfigurationFingerprint.of(UNCAPPED), "the cluster's log");
        assertTrue(other.contains("another configuration") && other.contains("--fresh"), other);
        assertNotEquals(ConfigurationFingerprint.of(UNCAPPED), ConfigurationFingerprint.of(CAPPED));
    }

    private static ReferenceData withCap(long cap) {
        ReferenceData data = ThreeNodes.DATA;
        return new ReferenceData(data.symbols(), data.accounts(), data.risk().withMaxOpenOrders(cap));
    }

    private static int crc(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record);
        return (int) crc.getValue();
    }
}

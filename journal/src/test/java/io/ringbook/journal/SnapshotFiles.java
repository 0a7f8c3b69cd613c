package io.ringbook.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** Snapshot files as an older build wrote them, made from this build's: for tests that older files are still read. */
final class SnapshotFiles {

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SnapshotFiles() {
    }

    /** A format version 2 file's state in a version 1 file: a 32-byte header, no configuration, the CRC32C of the state alone. */
    static byte[] asVersion1(byte[] version2) {
        UnsafeBuffer in = new UnsafeBuffer(version2);
        int stateLength = in.getInt(24, ORDER);
        int stateAt = 40 + in.getInt(32, ORDER);
        byte[] version1 = new byte[32 + stateLength];
        UnsafeBuffer out = new UnsafeBuffer(version1);
        out.putInt(0, in.getInt(0, ORDER), ORDER);
        out.putInt(4, 1, ORDER);
        out.putLong(8, in.getLong(8, ORDER), ORDER);
        out.putLong(16, in.getLong(16, ORDER), ORDER);
        out.putInt(24, stateLength, ORDER);
        CRC32C crc = new CRC32C();
        crc.update(version2, stateAt, stateLength);
        out.putInt(28, (int) crc.getValue(), ORDER);
        System.arraycopy(version2, stateAt, version1, 32, stateLength);
        return version1;
    }
}

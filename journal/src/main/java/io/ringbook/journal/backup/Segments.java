package io.ringbook.journal.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A segment file: the excerpts one backup run copied out of one queue, each framed as
 * {@code i32 length, i64 queue index, bytes} (big-endian), gzip'd if its name ends in
 * {@code .gz}. The excerpts keep their own magic and CRC32C, so a segment is checked
 * record by record as well as by its SHA-256.
 */
final class Segments {

    private Segments() {
    }

    static DataOutputStream create(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        return new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out);
    }

    static void write(DataOutputStream out, byte[] bytes, int length, long index) throws IOException {
        out.writeInt(length);
        out.writeLong(index);
        out.write(bytes, 0, length);
    }

    /** Receives each framed excerpt of a segment. */
    @FunctionalInterface
    interface Frame {
        void accept(byte[] bytes, int length, long index) throws IOException;
    }

    static void read(Path file, Frame frame) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try (DataInputStream data = new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in)) {
            byte[] bytes = new byte[64 * 1024];
            while (true) {
                int length;
                try {
                    length = data.readInt();
                } catch (EOFException end) {
                    return;
                }
                long index = data.readLong();
                if (length < 0 || length > 64 * 1024 * 1024) {
                    throw new IOException(file + ": a frame of " + length + " bytes");
                }
                if (length > bytes.length) {
                    bytes = new byte[length];
                }
                data.readFully(bytes, 0, length);
                frame.accept(bytes, length, index);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

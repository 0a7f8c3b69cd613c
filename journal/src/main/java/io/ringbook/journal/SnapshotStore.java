package io.ringbook.journal;

import io.ringbook.engine.state.StateBuffer;
import io.ringbook.journal.codec.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshot files under {@code dataDir/snapshots}, one per snapshot command, named by its
 * sequence: {@code snapshot-00000000000000012345.rbs}. A file is written to a temporary
 * name, forced to the device and renamed, and the directory forced, so a crash never
 * leaves a half file under a snapshot's name and a power loss does not undo the rename. Layout:
 * <pre>
 *   0 i32 magic "RBS1", 4 i32 format version, 8 i64 sequence, 16 i64 event time,
 *  24 i32 state length, 28 i32 CRC32C of the state, 32 the state ({@link StateBuffer})
 * </pre>
 */
public final class SnapshotStore {

    static final int MAGIC = 0x31534252;
    static final int VERSION = 1;
    private static final int HEADER = 32;
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.rbs");
    private static final Pattern TEMPORARY = Pattern.compile("snapshot-\\d{20}\\.rbs\\.tmp");

    /** A snapshot file and the command sequence it was taken at. */
    public record Snapshot(long sequence, Path file) {
    }

    private final Path directory;

    public SnapshotStore(Path dataDir) {
        this.directory = dataDir.resolve("snapshots");
    }

    public Path directory() {
        return directory;
    }

    /** Writes a snapshot durably; returns its file. */
    public Path write(long sequence, long eventTimeNanos, byte[] state, int length) throws IOException {
        return write(sequence, eventTimeNanos, ByteBuffer.wrap(state, 0, length));
    }

    /**
     * Writes a snapshot durably whose state is the given parts one after another (the logic's
     * state and its deferred clOrdIds), without joining them in memory first; returns its file.
     */
    public Path write(long sequence, long eventTimeNanos, ByteBuffer... state) throws IOException {
        Files.createDirectories(directory);
        CRC32C crc = new CRC32C();
        long length = 0;
        for (ByteBuffer part : state) {
            crc.update(part.duplicate());
            length += part.remaining();
        }
        UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER]);
        header.putInt(0, MAGIC, RecordHeader.ORDER);
        header.putInt(4, VERSION, RecordHeader.ORDER);
        header.putLong(8, sequence, RecordHeader.ORDER);
        header.putLong(16, eventTimeNanos, RecordHeader.ORDER);
        header.putInt(24, Math.toIntExact(length), RecordHeader.ORDER);
        header.putInt(28, (int) crc.getValue(), RecordHeader.ORDER);
        ByteBuffer[] file = new ByteBuffer[state.length + 1];
        file[0] = ByteBuffer.wrap(header.byteArray());
        for (int i = 0; i < state.length; i++) {
            file[i + 1] = state[i].duplicate();
        }
        Path target = directory.resolve(String.format("snapshot-%020d.rbs", sequence));
        Path temporary = directory.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long unwritten = HEADER + length; unwritten > 0; ) {
                unwritten -= channel.write(file);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(directory);
        return target;
    }

    /** Every snapshot file, newest (highest sequence) first. */
    public List<Snapshot> newestFirst() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(this::parse).filter(s -> s != null)
                    .sorted(Comparator.comparingLong(Snapshot::sequence).reversed()).toList();
        }
    }

    /** Deletes all but the newest {@code keep} snapshots. */
    public void prune(int keep) throws IOException {
        List<Snapshot> all = newestFirst();
        for (Snapshot old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    /** Deletes one snapshot file. */
    public void delete(Snapshot snapshot) throws IOException {
        Files.deleteIfExists(snapshot.file());
    }

    /**
     * Deletes the temporary files of snapshots whose writing a crash interrupted before
     * the rename (they are never read); returns how many there were.
     */
    public int deleteTemporaryFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> temporary;
        try (Stream<Path> files = Files.list(directory)) {
            temporary = files.filter(file -> TEMPORARY.matcher(file.getFileName().toString()).matches()).toList();
        }
        for (Path file : temporary) {
            Files.deleteIfExists(file);
        }
        return temporary.size();
    }

    /** The event time of the command a snapshot was taken at, from its header; call after {@link #load} checked it. */
    public long eventTimeNanos(Snapshot snapshot) throws IOException {
        try (InputStream in = Files.newInputStream(snapshot.file())) {
            byte[] header = in.readNBytes(HEADER);
            if (header.length < HEADER) {
                throw new IOException(snapshot.file() + " is cut short");
            }
            return new UnsafeBuffer(header).getLong(16, RecordHeader.ORDER);
        }
    }

    /**
     * Reads and checks a snapshot into {@code into}, ready for
     * {@link io.ringbook.engine.logic.BusinessLogic#restoreState}.
     *
     * @throws IOException if the file is unreadable, of another format, or fails its checksum
     */
    public StateBuffer load(Snapshot snapshot, StateBuffer into) throws IOException {
        byte[] bytes = Files.readAllBytes(snapshot.file());
        UnsafeBuffer view = new UnsafeBuffer(bytes);
        if (bytes.length < HEADER || view.getInt(0, RecordHeader.ORDER) != MAGIC) {
            throw new IOException(snapshot.file() + " is not a Ringbook snapshot");
        }
        if (view.getInt(4, RecordHeader.ORDER) != VERSION || view.getLong(8, RecordHeader.ORDER) != snapshot.sequence()) {
            throw new IOException(snapshot.file() + " has another format version or sequence than its name says");
        }
        int length = view.getInt(24, RecordHeader.ORDER);
        CRC32C crc = new CRC32C();
        if (length != bytes.length - HEADER) {
            throw new IOException(snapshot.file() + " is cut short");
        }
        crc.update(bytes, HEADER, length);
        if ((int) crc.getValue() != view.getInt(28, RecordHeader.ORDER)) {
            throw new IOException(snapshot.file() + " fails its checksum");
        }
        return into.load(bytes, HEADER, length);
    }

    private Snapshot parse(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? new Snapshot(Long.parseLong(matcher.group(1)), file) : null;
    }
}

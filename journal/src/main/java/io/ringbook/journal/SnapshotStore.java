package io.ringbook.journal;

import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.RecordHeader;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshot files under {@code dataDir/snapshots}, one per snapshot command, named by its
 * sequence: {@code snapshot-00000000000000012345.rbs}. A file is written to a temporary
 * name, forced to the device and renamed, and the directory forced, so a crash never
 * leaves a half file under a snapshot's name and a power loss does not undo the rename.
 * Written in pieces of {@value #PIECE_BYTES} bytes as the state is encoded, never whole on
 * the heap (the day's clOrdIds are hundreds of MB after millions of orders), and read
 * through a mapping of the file. Layout (format version {@value #VERSION}):
 * <pre>
 *   0 i32 magic "RBS1", 4 i32 format version, 8 i64 sequence, 16 i64 event time,
 *  24 i32 state length, 28 i32 CRC32C of the configuration and the state,
 *  32 i32 configuration length (0: none), 36 i32 0,
 *  40 the journal's configuration at the snapshot (a CONFIG record, {@link ConfigCodec}), then the state ({@link StateBuffer})
 * </pre>
 * The configuration lets recovery start reading the input journal at the snapshot
 * instead of its start. Version 1 (a 32-byte header, no configuration) is still read.
 */
public final class SnapshotStore {

    static final int MAGIC = 0x31534252;
    static final int VERSION = 2;
    private static final int VERSION_WITHOUT_CONFIGURATION = 1;
    private static final int HEADER_V1 = 32;
    private static final int HEADER = 40;
    static final int PIECE_BYTES = 1 << 20;
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.rbs");
    private static final Pattern TEMPORARY = Pattern.compile("snapshot-\\d{20}\\.rbs\\.tmp");

    /** A snapshot file and the command sequence it was taken at. */
    public record Snapshot(long sequence, Path file) {
    }

    /**
     * A checked snapshot: its state, read where it lies in the file's mapping; the event
     * time of its command; the journal's configuration at it, or null for a file that
     * holds none (recovery then reads the journal from its start for it).
     */
    public record Loaded(StateBuffer state, long eventTimeNanos, ReferenceData configuration) {
    }

    private final Path directory;
    private final long maxFileBytes;

    public SnapshotStore(Path dataDir) {
        this(dataDir, Integer.MAX_VALUE);
    }

    /** A store whose files hold at most {@code maxFileBytes} (tests; a file is read through one mapping: at most 2 GiB). */
    SnapshotStore(Path dataDir, long maxFileBytes) {
        this.directory = dataDir.resolve("snapshots");
        this.maxFileBytes = maxFileBytes;
    }

    public Path directory() {
        return directory;
    }

    /** Writes a snapshot durably whose state is {@code state[0, length)}; returns its file. */
    public Path write(long sequence, long eventTimeNanos, ReferenceData configuration, byte[] state, int length) throws IOException {
        return write(sequence, eventTimeNanos, configuration, out -> out.putBytes(state, 0, length));
    }

    /**
     * Writes a snapshot durably whose state {@code content} writes into the buffer it is
     * given, which hands it to the file in pieces as it fills; returns its file. A state
     * that would make the file larger than a snapshot can be (2 GiB) is refused as it
     * passes that size, before the piece that passes it is written, and nothing of it is kept.
     *
     * @param configuration the journal's configuration at the snapshot (this run's), or null
     */
    public Path write(long sequence, long eventTimeNanos, ReferenceData configuration, Consumer<StateBuffer> content)
            throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(String.format("snapshot-%020d.rbs", sequence));
        Path temporary = directory.resolve(target.getFileName() + ".tmp");
        try {
            writeTemporary(temporary, sequence, eventTimeNanos, configuration, content);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(temporary);
            throw failed;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(directory);
        return target;
    }

    private void writeTemporary(Path temporary, long sequence, long eventTimeNanos, ReferenceData configuration,
                                Consumer<StateBuffer> content) throws IOException {
        byte[] config = configuration == null ? new byte[0] : encoded(configuration);
        CRC32C crc = new CRC32C();
        crc.update(config);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.position(HEADER);
            writeFully(channel, ByteBuffer.wrap(config));
            StateBuffer out = StateBuffer.spillingTo(channel, crc, PIECE_BYTES, maxFileBytes - HEADER - config.length);
            try {
                content.accept(out);
                out.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            long length = out.written();
            UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER]);
            header.putInt(0, MAGIC, RecordHeader.ORDER);
            header.putInt(4, VERSION, RecordHeader.ORDER);
            header.putLong(8, sequence, RecordHeader.ORDER);
            header.putLong(16, eventTimeNanos, RecordHeader.ORDER);
            header.putInt(24, (int) length, RecordHeader.ORDER);
            header.putInt(28, (int) crc.getValue(), RecordHeader.ORDER);
            header.putInt(32, config.length, RecordHeader.ORDER);
            channel.position(0);
            writeFully(channel, ByteBuffer.wrap(header.byteArray()));
            channel.force(true);
        }
    }

    private static byte[] encoded(ReferenceData configuration) {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
        int length = ConfigCodec.encode(configuration, 0, 0, buffer, 0);
        byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
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

    /**
     * Maps and checks a snapshot (magic, version, sequence, length, checksum), ready for
     * {@link io.ringbook.engine.logic.BusinessLogic#restoreState}: the state is read from
     * the mapping, not copied onto the heap.
     *
     * @throws IOException if the file is unreadable, of another format, or fails its checksum
     */
    public Loaded load(Snapshot snapshot) throws IOException {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(snapshot.file(), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(snapshot.file() + " is larger than a snapshot can be");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        ByteBuffer bytes = mapped.order(ByteOrder.LITTLE_ENDIAN);
        int size = bytes.capacity();
        if (size < HEADER_V1 || bytes.getInt(0) != MAGIC) {
            throw new IOException(snapshot.file() + " is not a Ringbook snapshot");
        }
        int version = bytes.getInt(4);
        if ((version != VERSION && version != VERSION_WITHOUT_CONFIGURATION) || bytes.getLong(8) != snapshot.sequence()) {
            throw new IOException(snapshot.file() + " has another format version (" + version + "; this build reads "
                    + VERSION_WITHOUT_CONFIGURATION + " and " + VERSION + ") or sequence than its name says");
        }
        int header = version == VERSION ? HEADER : HEADER_V1;
        int configLength = version == VERSION && size >= HEADER ? bytes.getInt(32) : 0;
        int length = bytes.getInt(24);
        if (size < header || configLength < 0 || length < 0 || (long) header + configLength + length != size) {
            throw new IOException(snapshot.file() + " is cut short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().position(header).limit(size));
        if ((int) crc.getValue() != bytes.getInt(28)) {
            throw new IOException(snapshot.file() + " fails its checksum");
        }
        ReferenceData configuration = null;
        if (configLength > 0) {
            try {
                configuration = ConfigCodec.decode(new UnsafeBuffer(bytes, header, configLength), 0);
            } catch (RuntimeException unreadable) {
                throw new IOException(snapshot.file() + " holds an unreadable configuration: " + unreadable.getMessage(), unreadable);
            }
        }
        StateBuffer state = StateBuffer.over(bytes.duplicate().position(header + configLength).limit(size));
        return new Loaded(state, bytes.getLong(16), configuration);
    }

    private Snapshot parse(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? new Snapshot(Long.parseLong(matcher.group(1)), file) : null;
    }
}

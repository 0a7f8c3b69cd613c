package io.ringbook.views;

import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.state.DeferredState;
import io.ringbook.engine.state.StateBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The read models' state written beside each engine snapshot, so that a start reads the
 * newest one and replays only the output journal's events after it instead of the whole
 * journal: start-up bounded by the snapshot interval, not by history. When the engine
 * reports a snapshot ({@code SNAPSHOT_TAKEN}, sequence S), this listener, registered after
 * the models on the outbound thread, captures their state as of S (a flat copy of the
 * kept orders, views of the clOrdIds: {@link ReadModels#captureState}); a thread of its
 * own encodes it straight into {@code views-S.rbv} (a temporary file moved into place), in
 * pieces of {@value #PIECE_BYTES} bytes, never whole on the heap, and keeps the newest
 * {@value #KEPT}. A file is a magic number, a format version, S, the models' state and a
 * CRC32 of all that: one that fails its checks or is of another version is skipped (and
 * the log says why) for an older one, or for the full replay. A start reads it through a
 * mapping of the file, not a copy on the heap.
 */
public final class ViewsSnapshots implements EngineListener, AutoCloseable {

    /** "RBVIEWS1" */
    private static final long MAGIC = 0x3153574549564252L;
    /**
     * 5: the depth book writes only each symbol's market-data sequence (its levels are
     * counted again from the open orders; version 4 is still read, its levels passed
     * over, so that an upgrade does not replay the whole output journal, of which older
     * days may be gone); 4: the two days' clOrdIds are their indexes' arenas as they lie, with the build's
     * hash of a fixed id (read back without re-inserting each id; 3, the same without
     * that check, came only from builds that never reached main); 2: the orders' model adds the clOrdIds of two days and the
     * orders' journal positions. A file of another version is skipped (full replay).
     */
    static final int VERSION = 5;
    /** The last version whose depth book wrote its levels (read, the levels passed over). */
    static final int WITH_DEPTH_LEVELS = 4;
    private static final int PIECE_BYTES = 1 << 20;
    private static final int HEADER = Long.BYTES + Integer.BYTES + Long.BYTES;
    private static final int KEPT = 2;
    private static final System.Logger LOG = System.getLogger(ViewsSnapshots.class.getName());

    private final Path directory;
    private final ReadModels models;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ringbook-views-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    /** No capture waits to be encoded: the next snapshot may capture. */
    private final AtomicBoolean idle = new AtomicBoolean(true);

    public ViewsSnapshots(Path directory, ReadModels models) {
        this.directory = directory;
        this.models = models;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event.type != EventType.SNAPSHOT_TAKEN) {
            return;
        }
        if (!idle.compareAndSet(true, false)) {
            // the previous capture is still being encoded: each holds a copy of every kept order, so they must not pile up
            LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + event.sequence + " skipped: the previous one is still being written");
            return;
        }
        long sequence = event.sequence;
        DeferredState state = models.captureState();
        writer.execute(() -> {
            try {
                write(sequence, state);
            } catch (Throwable failed) {
                // even out of heap: a missed read-model snapshot costs the next start a longer replay, nothing else
                LOG.log(System.Logger.Level.ERROR, "read-model snapshot " + sequence + " not written", failed);
            } finally {
                idle.set(true);
            }
        });
    }

    /**
     * Writes the file's content, header, the models' state, then its CRC32 in the last eight
     * bytes, into {@code out} as it is encoded, in pieces: the clOrdIds of two days are
     * hundreds of MB after millions of orders, and are never held whole on the heap.
     */
    private static void encode(long sequence, DeferredState state, FileChannel out) throws IOException {
        CRC32 crc = new CRC32();
        StateBuffer buffer = StateBuffer.spillingTo(out, crc, PIECE_BYTES);
        try {
            buffer.putLong(MAGIC);
            buffer.putInt(VERSION);
            buffer.putLong(sequence);
            state.writeTo(buffer);
            buffer.flush();
            buffer.putLong(crc.getValue()); // the checksum of everything before it, then itself
            buffer.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads the newest snapshot whose sequence {@code usable} accepts (one the journals and
     * the engine's snapshots agree with) into the still empty models.
     *
     * @return its sequence: the models are current to it; 0 if none could be read (empty models)
     */
    public long restore(LongPredicate usable) {
        for (Path file : newestFirst()) {
            long sequence = sequenceOf(file);
            if (!usable.test(sequence)) {
                continue;
            }
            Checked in = checked(file, sequence);
            if (in != null) {
                try {
                    models.readState(in.state(), in.version());
                } catch (RuntimeException unreadable) {
                    // the models are half filled by now: this start must not go on with them, and the next one must not
                    // meet the file again
                    throw new IllegalStateException("read-model snapshot " + file + " passed its checks but this build"
                            + " cannot read it (" + unreadable.getMessage() + "); " + setAside(file)
                            + ": start again and the read models are rebuilt from the output journal", unreadable);
                }
                return sequence;
            }
        }
        return 0;
    }

    /** Renames an unreadable file so that no later start reads it; says where it went. */
    private static String setAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "it is kept as " + aside;
        } catch (IOException e) {
            return "it could not be set aside (" + e.getMessage() + "): move it away";
        }
    }

    /** Waits for the snapshot being written, if any. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A snapshot file's state, positioned after its header, and its format version. */
    private record Checked(StateBuffer state, int version) {
    }

    /** The file's state, read from its mapping, if its checks pass; else null (logged). */
    private static Checked checked(Path file, long sequence) {
        try {
            ByteBuffer bytes;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel.size() > Integer.MAX_VALUE) {
                    LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + file + " too large: skipped");
                    return null;
                }
                bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            }
            int length = bytes.capacity() - Long.BYTES;
            if (length < HEADER || bytes.getLong(0) != MAGIC) {
                LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + file + " is not one: skipped");
                return null;
            }
            int version = bytes.getInt(Long.BYTES);
            if (version != VERSION && version != WITH_DEPTH_LEVELS) {
                LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + file + " is of format version "
                        + version + ", this build reads " + VERSION + " and " + WITH_DEPTH_LEVELS + ": skipped");
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.duplicate().position(0).limit(length));
            if (crc.getValue() != bytes.getLong(length) || bytes.getLong(Long.BYTES + Integer.BYTES) != sequence) {
                LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + file + " fails its checks: skipped");
                return null;
            }
            return new Checked(StateBuffer.over(bytes.duplicate().position(HEADER).limit(length)), version);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + file + " unreadable: skipped", e);
            return null;
        }
    }

    private void write(long sequence, DeferredState state) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(String.format("views-%020d.rbv", sequence));
            Path temporary = directory.resolve(file.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                encode(sequence, state, out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<Path> files = newestFirst();
            for (Path old : files.subList(Math.min(KEPT, files.size()), files.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | UncheckedIOException e) {
            // a missed read-model snapshot costs the next start a longer replay, nothing else
            LOG.log(System.Logger.Level.WARNING, "read-model snapshot " + sequence + " not written", e);
        }
    }

    private List<Path> newestFirst() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> snapshots = new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("views-\\d{20}\\.rbv")).toList());
            snapshots.sort(Comparator.comparingLong(ViewsSnapshots::sequenceOf).reversed());
            return snapshots;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("views-".length(), name.length() - ".rbv".length()));
    }

}

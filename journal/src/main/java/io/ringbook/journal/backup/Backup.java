package io.ringbook.journal.backup;

import io.ringbook.journal.ExcerptView;
import io.ringbook.journal.Excerpts;
import io.ringbook.journal.Fsync;
import io.ringbook.journal.Journal;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An online, incremental backup of a data directory: each run copies, per queue, the
 * excerpts journaled since the previous run into a new segment file, the newest
 * snapshot if the backup lacks it and the FIX session store ({@link SessionStore}), then
 * rewrites the manifest. The engine keeps
 * running: the journal is read through its own read-only handle, and a run copies a
 * prefix of each queue (an excerpt still being written is left for the next run), which
 * recovery completes as after a crash.
 */
public final class Backup {

    /** What one run added. */
    public record Result(int segments, long excerpts, long bytes, boolean snapshot) {
    }

    private Backup() {
    }

    /** The file a run holds an exclusive lock on, so that two runs never write one destination. */
    public static final String LOCK = "backup.lock";

    /**
     * Runs one backup into {@code destination}, refused (IOException) while another run
     * writes there, from this process or another. Every file it writes, the manifest
     * last, is on the device when it returns.
     */
    public static Result run(Path dataDir, Path destination, boolean compress, String engineVersion) throws IOException {
        Files.createDirectories(destination);
        try (FileChannel lockFile = FileChannel.open(destination.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = exclusive(lockFile, destination)) {
            return runLocked(dataDir, destination, compress, engineVersion);
        }
    }

    private static FileLock exclusive(FileChannel lockFile, Path destination) throws IOException {
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("another backup is writing to " + destination + " right now; nothing done");
        }
        return lock;
    }

    private static Result runLocked(Path dataDir, Path destination, boolean compress, String engineVersion) throws IOException {
        Manifest manifest = Manifest.read(destination);
        if (manifest == null) {
            manifest = Manifest.empty("engine " + engineVersion + " command-schema " + CommandCodec.SCHEMA_VERSION
                    + " event-schema " + EventCodec.SCHEMA_VERSION + " config-schema " + ConfigCodec.SCHEMA_VERSION);
        }
        int segments = 0;
        long excerpts = 0;
        long bytes = 0;
        try (Journal journal = Journal.openReadOnly(dataDir)) {
            for (String queue : List.of("input", "output")) {
                Map<String, String> segment = copy(queue, queue.equals("input") ? journal.input() : journal.output(), manifest,
                        destination, compress);
                if (segment != null) {
                    manifest.segments().add(segment);
                    segments++;
                    excerpts += Long.parseLong(segment.get("excerpts"));
                    bytes += Long.parseLong(segment.get("bytes"));
                }
            }
        }
        boolean snapshot = copySnapshot(dataDir, destination, manifest);
        SessionStore.copy(dataDir.resolve(SessionStore.DIRECTORY), destination.resolve(SessionStore.DIRECTORY));
        manifest.write(destination);
        Path parent = destination.toAbsolutePath().getParent();
        if (parent != null) {
            Fsync.directory(parent); // a new destination (a rotation's daily set) must itself survive
        }
        return new Result(segments, excerpts, bytes, snapshot);
    }

    private static Map<String, String> copy(String queue, ChronicleQueue source, Manifest manifest, Path destination, boolean compress)
            throws IOException {
        List<Map<String, String>> earlier = manifest.segments(queue);
        long after = earlier.isEmpty() ? -1 : Long.parseLong(earlier.get(earlier.size() - 1).get("lastIndex"));
        String name = String.format("%s-%06d.seg%s", queue, earlier.size() + 1, compress ? ".gz" : "");
        Path file = destination.resolve(name);
        Stats stats = new Stats();
        try (DataOutputStream out = Segments.create(file)) {
            Excerpts.read(source, queue + " journal", after, (excerpt, length, index, view) -> {
                try {
                    Segments.write(out, excerpt, length, index);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                stats.add(view, index);
            });
        } catch (JournalFormatException | UncheckedIOException failed) {
            Files.deleteIfExists(file);
            throw new IOException("backup of the " + queue + " journal failed, nothing of this run counts: " + failed.getMessage(), failed);
        }
        if (stats.excerpts == 0) {
            Files.delete(file);
            return null;
        }
        Fsync.file(file);
        Map<String, String> segment = new LinkedHashMap<>();
        segment.put("file", name);
        segment.put("queue", queue);
        segment.put("bytes", Long.toString(Files.size(file)));
        segment.put("sha256", Segments.sha256(file));
        segment.put("excerpts", Long.toString(stats.excerpts));
        segment.put("firstSequence", Long.toString(stats.firstSequence));
        segment.put("lastSequence", Long.toString(stats.lastSequence));
        segment.put("firstTime", Long.toString(stats.firstTime));
        segment.put("lastTime", Long.toString(stats.lastTime));
        segment.put("lastIndex", Long.toString(stats.lastIndex));
        return segment;
    }

    private static boolean copySnapshot(Path dataDir, Path destination, Manifest manifest) throws IOException {
        List<SnapshotStore.Snapshot> snapshots = new SnapshotStore(dataDir).newestFirst();
        if (snapshots.isEmpty()) {
            return false;
        }
        SnapshotStore.Snapshot newest = snapshots.get(0);
        String name = newest.file().getFileName().toString();
        if (manifest.snapshots().stream().anyMatch(s -> s.get("file").equals(name))) {
            return false;
        }
        Path copy = destination.resolve(name);
        Files.copy(newest.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        Fsync.file(copy);
        Map<String, String> snapshot = new LinkedHashMap<>();
        snapshot.put("file", name);
        snapshot.put("bytes", Long.toString(Files.size(copy)));
        snapshot.put("sha256", Segments.sha256(copy));
        snapshot.put("sequence", Long.toString(newest.sequence()));
        manifest.snapshots().add(snapshot);
        return true;
    }

    /** First and last sequence and event time of the records copied, and the last queue index. */
    private static final class Stats {
        long excerpts;
        long firstSequence = -1;
        long lastSequence;
        long firstTime;
        long lastTime;
        long lastIndex;

        void add(ExcerptView view, long index) {
            excerpts++;
            lastIndex = index;
            int at = view.firstRecord();
            for (int i = 0; i < view.count(); i++) {
                long sequence = RecordHeader.sequence(view.buffer(), at);
                long time = RecordHeader.eventTime(view.buffer(), at);
                if (firstSequence < 0) {
                    firstSequence = sequence;
                    firstTime = time;
                }
                lastSequence = sequence;
                lastTime = time;
                at += RecordHeader.length(view.buffer(), at);
            }
        }
    }
}

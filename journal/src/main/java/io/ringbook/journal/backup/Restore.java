package io.ringbook.journal.backup;

import io.ringbook.journal.Durability;
import io.ringbook.journal.ExcerptView;
import io.ringbook.journal.Excerpts;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.journal.SnapshotWriter;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import net.openhft.chronicle.queue.ExcerptAppender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rebuilds a data directory from a backup, up to a point: every input record with a
 * sequence at or before it and event time before the time limit, the output events of
 * those commands and no others (a backup taken while the engine ran may hold events of
 * commands after its input's end: they are left out), and the newest backed-up snapshots
 * (up to three, so recovery can fall back) at or before the restored input's end. A
 * restore the engine could not start from (a journal without its CONFIG record and no
 * snapshot to start from) is refused with the reason, and the directory left empty.
 * Damage the restore does not need (segments that begin after the point, snapshots,
 * which are then not copied) does not stop it; any other damage does. The engine then
 * starts on the new directory as it would after a crash at that point. A non-empty
 * target directory is refused.
 */
public final class Restore {

    /** Where the restored journal ends. */
    public record Result(long lastSequence, long commands, Long snapshot) {
    }

    private Restore() {
    }

    /**
     * @param toSequence   the last command to keep ({@link Long#MAX_VALUE}: all)
     * @param beforeTimeNanos keep commands with event time strictly before this ({@link Long#MAX_VALUE}: all)
     */
    public static Result run(Path backup, Path dataDir, long toSequence, long beforeTimeNanos) throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dataDir + " is not empty; restore only into a new or empty directory");
                }
            }
        }
        List<String> problems = BackupVerifier.verify(backup).problems();
        Manifest manifest = Manifest.read(backup);
        Set<String> damaged = problems.stream().map(Restore::fileOf).collect(Collectors.toSet());
        List<String> blocking = problems.stream()
                .filter(problem -> manifest == null || !harmless(manifest, fileOf(problem), toSequence, beforeTimeNanos))
                .toList();
        if (!blocking.isEmpty()) {
            throw new IOException("the backup does not verify up to the point: " + blocking);
        }
        try {
            return restore(backup, manifest, damaged, dataDir, toSequence, beforeTimeNanos);
        } catch (IOException | RuntimeException refused) {
            emptyOut(dataDir);
            throw refused;
        }
    }

    /** The file a problem of {@link BackupVerifier} names: each starts with it. */
    private static String fileOf(String problem) {
        return problem.substring(0, Math.max(0, problem.indexOf(':')));
    }

    /**
     * Whether a damaged file can be left out of a restore to the point: a segment that
     * begins after it (nothing of it would be kept), or a snapshot (an older one, or a
     * replay, takes its place).
     */
    private static boolean harmless(Manifest manifest, String file, long toSequence, long beforeTimeNanos) {
        if (manifest.snapshots().stream().anyMatch(s -> s.get("file").equals(file))) {
            return true;
        }
        return manifest.segments().stream().anyMatch(s -> s.get("file").equals(file) && !before(s, toSequence, beforeTimeNanos));
    }

    /** Whether a segment begins at or before the point, so that the restore reads it. */
    private static boolean before(Map<String, String> segment, long toSequence, long beforeTimeNanos) {
        return Long.parseLong(segment.get("firstSequence")) <= toSequence && Long.parseLong(segment.get("firstTime")) < beforeTimeNanos;
    }

    private static Result restore(Path backup, Manifest manifest, Set<String> damaged, Path dataDir, long toSequence,
                                  long beforeTimeNanos) throws IOException {
        long[] cut = {toSequence, 0};
        long inputEnd;
        boolean startsWithConfig;
        long firstCommand;
        try (Journal journal = Journal.open(dataDir, Durability.PROCESS_CRASH)) {
            try (ExcerptAppender input = journal.input().createAppender()) {
                ExcerptView view = new ExcerptView();
                for (Map<String, String> segment : manifest.segments("input")) {
                    if (!before(segment, toSequence, beforeTimeNanos)) {
                        break;
                    }
                    Segments.read(backup.resolve(segment.get("file")), (bytes, length, index) -> {
                        view.load(bytes, length, segment.get("file"));
                        lowerCutAtTime(view, cut, beforeTimeNanos);
                        cut[1] += Excerpts.appendKept(input, view, sequence -> sequence <= cut[0]);
                    });
                }
            }
            inputEnd = JournalCursor.lastSequence(journal.input(), "input journal");
            try (JournalCursor first = new JournalCursor(journal.input(), "input journal")) {
                startsWithConfig = !first.next() || RecordHeader.type(first.buffer(), first.offset()) == RecordType.CONFIG;
                firstCommand = startsWithConfig ? 0 : RecordHeader.sequence(first.buffer(), first.offset());
            }
            try (ExcerptAppender output = journal.output().createAppender()) {
                ExcerptView view = new ExcerptView();
                for (Map<String, String> segment : manifest.segments("output")) {
                    if (!before(segment, inputEnd, Long.MAX_VALUE)) {
                        break;
                    }
                    Segments.read(backup.resolve(segment.get("file")), (bytes, length, index) -> {
                        view.load(bytes, length, segment.get("file"));
                        Excerpts.appendKept(output, view, sequence -> sequence <= inputEnd);
                    });
                }
            }
        }
        List<Map<String, String>> snapshots = manifest.snapshots().stream()
                .filter(s -> sequence(s) <= inputEnd && !damaged.contains(s.get("file")))
                .sorted(Comparator.comparingLong(Restore::sequence).reversed())
                .limit(SnapshotWriter.KEEP).toList();
        if (!startsWithConfig && (snapshots.isEmpty() || sequence(snapshots.get(0)) < firstCommand - 1)) {
            throw new IOException("nothing restored: the backup's journal begins at sequence " + firstCommand
                    + " without a CONFIG record (older days were deleted), so the engine can start only from a snapshot,"
                    + " and there is none from sequence " + (firstCommand - 1) + " to " + inputEnd + "; snapshots in the backup: "
                    + manifest.snapshots().stream().map(s -> s.get("sequence")).toList() + "; restore to one of them or later");
        }
        SnapshotStore store = new SnapshotStore(dataDir);
        for (Map<String, String> snapshot : snapshots) {
            Files.createDirectories(store.directory());
            Files.copy(backup.resolve(snapshot.get("file")), store.directory().resolve(snapshot.get("file")));
        }
        SessionStore.copy(backup.resolve(SessionStore.DIRECTORY), dataDir.resolve(SessionStore.DIRECTORY));
        return new Result(inputEnd, cut[1], snapshots.isEmpty() ? null : sequence(snapshots.get(0)));
    }

    private static long sequence(Map<String, String> snapshot) {
        return Long.parseLong(snapshot.get("sequence"));
    }

    /** Takes back what a refused restore wrote: the directory was empty or new. */
    private static void emptyOut(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dataDir)).toList()) {
                Files.delete(path);
            }
        }
    }

    /** With a time limit, the cut moves to the last command before it (records are in time order). */
    private static void lowerCutAtTime(ExcerptView view, long[] cut, long beforeTimeNanos) {
        if (beforeTimeNanos == Long.MAX_VALUE) {
            return;
        }
        int at = view.firstRecord();
        for (int i = 0; i < view.count(); i++) {
            long sequence = RecordHeader.sequence(view.buffer(), at);
            boolean command = RecordHeader.type(view.buffer(), at).isCommand();
            if (command && RecordHeader.eventTime(view.buffer(), at) >= beforeTimeNanos && sequence <= cut[0]) {
                cut[0] = sequence - 1;
            }
            at += RecordHeader.length(view.buffer(), at);
        }
    }
}

package io.ringbook.journal.backup;

import io.ringbook.journal.Durability;
import io.ringbook.journal.ExcerptView;
import io.ringbook.journal.Excerpts;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalCursor;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.journal.codec.RecordHeader;
import net.openhft.chronicle.queue.ExcerptAppender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rebuilds a data directory from a backup, up to a point: every input record with a
 * sequence at or before it and event time before the time limit, the output events of
 * those commands and no others (a backup taken while the engine ran may hold events of
 * commands after its input's end: they are left out), and the newest backed-up snapshot
 * at or before the restored input's end. The engine then
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
        if (!problems.isEmpty()) {
            throw new IOException("the backup does not verify: " + problems);
        }
        Manifest manifest = Manifest.read(backup);
        long[] cut = {toSequence, 0};
        long inputEnd;
        try (Journal journal = Journal.open(dataDir, Durability.PROCESS_CRASH)) {
            try (ExcerptAppender input = journal.input().createAppender()) {
                ExcerptView view = new ExcerptView();
                for (Map<String, String> segment : manifest.segments("input")) {
                    Segments.read(backup.resolve(segment.get("file")), (bytes, length, index) -> {
                        view.load(bytes, length, segment.get("file"));
                        lowerCutAtTime(view, cut, beforeTimeNanos);
                        cut[1] += Excerpts.appendKept(input, view, sequence -> sequence <= cut[0]);
                    });
                }
            }
            inputEnd = JournalCursor.lastSequence(journal.input(), "input journal");
            try (ExcerptAppender output = journal.output().createAppender()) {
                ExcerptView view = new ExcerptView();
                for (Map<String, String> segment : manifest.segments("output")) {
                    Segments.read(backup.resolve(segment.get("file")), (bytes, length, index) -> {
                        view.load(bytes, length, segment.get("file"));
                        Excerpts.appendKept(output, view, sequence -> sequence <= inputEnd);
                    });
                }
            }
        }
        Map<String, String> snapshot = manifest.snapshots().stream()
                .filter(s -> Long.parseLong(s.get("sequence")) <= inputEnd)
                .max(Comparator.comparingLong(s -> Long.parseLong(s.get("sequence")))).orElse(null);
        if (snapshot != null) {
            SnapshotStore store = new SnapshotStore(dataDir);
            Files.createDirectories(store.directory());
            Files.copy(backup.resolve(snapshot.get("file")), store.directory().resolve(snapshot.get("file")));
        }
        return new Result(inputEnd, cut[1], snapshot == null ? null : Long.valueOf(snapshot.get("sequence")));
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

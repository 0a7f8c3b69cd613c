package io.ringbook.journal.backup;

import io.ringbook.journal.ExcerptView;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.journal.codec.JournalFormatException;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a backup without trusting it: every file's size and SHA-256 against the
 * manifest, every excerpt's magic, checksum and record lengths, the input commands'
 * sequences contiguous across segments (a run's CONFIG record repeats the sequence it
 * follows), and every snapshot loading. Returns the problems found, each naming its file.
 */
public final class BackupVerifier {

    /** What was checked and what is wrong; empty problems means the backup is sound. */
    public record Report(int files, long excerpts, long lastSequence, List<String> problems) {
    }

    private BackupVerifier() {
    }

    public static Report verify(Path backup) throws IOException {
        Manifest manifest = Manifest.read(backup);
        if (manifest == null) {
            return new Report(0, 0, 0, List.of(backup + ": no " + Manifest.FILE));
        }
        List<String> problems = new ArrayList<>();
        int files = 0;
        long excerpts = 0;
        long lastSequence = 0;
        for (String queue : List.of("input", "output")) {
            long expected = 0;
            for (Map<String, String> segment : manifest.segments(queue)) {
                files++;
                Path file = backup.resolve(segment.get("file"));
                if (!intact(file, segment, problems)) {
                    continue;
                }
                long[] state = {expected, 0};
                ExcerptView view = new ExcerptView();
                try {
                    Segments.read(file, (bytes, length, index) -> {
                        view.load(bytes, length, file.getFileName() + " excerpt at index " + Long.toHexString(index));
                        state[1]++;
                        if (queue.equals("input")) {
                            state[0] = checkSequences(view, state[0], file);
                        }
                    });
                } catch (JournalFormatException | IOException e) {
                    problems.add(file.getFileName() + ": " + e.getMessage());
                }
                excerpts += state[1];
                expected = state[0];
            }
            if (queue.equals("input")) {
                lastSequence = expected;
            }
        }
        for (Map<String, String> snapshot : manifest.snapshots()) {
            files++;
            Path file = backup.resolve(snapshot.get("file"));
            if (intact(file, snapshot, problems)) {
                try {
                    new SnapshotStore(backup).load(new SnapshotStore.Snapshot(Long.parseLong(snapshot.get("sequence")), file));
                } catch (IOException e) {
                    problems.add(file.getFileName() + ": snapshot does not load: " + e.getMessage());
                }
            }
        }
        return new Report(files, excerpts, lastSequence, problems);
    }

    private static boolean intact(Path file, Map<String, String> entry, List<String> problems) throws IOException {
        if (!Files.exists(file)) {
            problems.add(file.getFileName() + ": missing");
            return false;
        }
        if (Files.size(file) != Long.parseLong(entry.get("bytes")) || !Segments.sha256(file).equals(entry.get("sha256"))) {
            problems.add(file.getFileName() + ": size or SHA-256 differs from the manifest");
            return false;
        }
        return true;
    }

    /** Each command's sequence is the previous + 1; a CONFIG or QUARANTINE record carries the one it follows. */
    private static long checkSequences(ExcerptView view, long previous, Path file) {
        int at = view.firstRecord();
        long expected = previous;
        for (int i = 0; i < view.count(); i++) {
            long sequence = RecordHeader.sequence(view.buffer(), at);
            boolean config = RecordHeader.type(view.buffer(), at).followsACommand();
            if (config ? sequence != expected : (expected != 0 && sequence != expected + 1)) {
                throw new JournalFormatException(file.getFileName() + ": sequence " + sequence + " after " + expected);
            }
            expected = sequence;
            at += RecordHeader.length(view.buffer(), at);
        }
        return expected;
    }
}

package io.ringbook.journal.backup;

import io.ringbook.journal.ExcerptView;
import io.ringbook.journal.Journal;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Deletes the live journal's old daily cycle files, and only those that are safe to lose:
 * older than the days to keep, copied by a backup that verifies (its last excerpt lies in
 * a later cycle), never the newest cycle, never the cycle holding the newest CONFIG
 * record (recovery checks this run's configuration against it and turns changed limits
 * into SET_LIMITS commands from it), and, for input cycles, covered by every snapshot
 * kept (the oldest one's sequence at or after the cycle's last command), so that
 * recovery still starts from any of them and the journal after it. Output cycles go with the input cycles
 * they answer. What each day holds is read from the backup, which holds those days
 * whole. The audit trail of deleted days lives on in the backup.
 */
public final class Retention {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Retention() {
    }

    /**
     * @param keepDays  cycles of the last this many days (before today) are kept whatever else holds
     * @param nowMillis the time that says which day is today (UTC)
     * @return the files deleted
     * @throws IOException if the backup does not verify (nothing is deleted then)
     */
    public static List<Path> run(Path dataDir, Path backup, int keepDays, long nowMillis) throws IOException {
        List<String> problems = BackupVerifier.verify(backup).problems();
        if (!problems.isEmpty()) {
            throw new IOException("nothing deleted: the backup in " + backup + " does not verify: " + problems);
        }
        Manifest manifest = Manifest.read(backup);
        long lastDayToDelete = Math.floorDiv(nowMillis, MILLIS_PER_DAY) - keepDays - 1;
        long snapshot = oldestSnapshot(dataDir);
        Path journalDir = dataDir.resolve("journal");
        TreeMap<Long, Long> lastSequenceOfDay = new TreeMap<>();
        long[] newestConfigDay = {Long.MIN_VALUE};
        ExcerptView view = new ExcerptView();
        for (Map<String, String> segment : manifest.segments("input")) {
            Segments.read(backup.resolve(segment.get("file")), (bytes, length, index) -> {
                view.load(bytes, length, segment.get("file"));
                int at = view.firstRecord();
                for (int i = 0; i < view.count(); i++) {
                    lastSequenceOfDay.put(Journal.dayOf(index), RecordHeader.sequence(view.buffer(), at));
                    if (RecordHeader.type(view.buffer(), at) == RecordType.CONFIG) {
                        newestConfigDay[0] = Journal.dayOf(index);
                    }
                    at += RecordHeader.length(view.buffer(), at);
                }
            });
        }
        long inputCovered = coveredDay(manifest, "input");
        long newestInput = cycles(journalDir.resolve("input")).isEmpty() ? Long.MIN_VALUE : cycles(journalDir.resolve("input")).lastKey();
        long lastDeletedDay = Long.MIN_VALUE;
        List<Path> deleted = new ArrayList<>();
        for (Map.Entry<Long, Path> cycle : cycles(journalDir.resolve("input")).entrySet()) {
            long day = cycle.getKey();
            Long last = lastSequenceOfDay.get(day);
            if (day <= lastDayToDelete && day < inputCovered && day < newestInput && day != newestConfigDay[0]
                    && (last == null || last <= snapshot)) {
                Files.delete(cycle.getValue());
                deleted.add(cycle.getValue());
                lastDeletedDay = Math.max(lastDeletedDay, day);
            }
        }
        long outputCovered = coveredDay(manifest, "output");
        for (Map.Entry<Long, Path> cycle : cycles(journalDir.resolve("output")).entrySet()) {
            if (cycle.getKey() <= lastDeletedDay && cycle.getKey() < outputCovered) {
                Files.delete(cycle.getValue());
                deleted.add(cycle.getValue());
            }
        }
        return deleted;
    }

    /** The day of the last excerpt the backup holds of a queue; cycles before it are copied whole. */
    private static long coveredDay(Manifest manifest, String queue) {
        List<Map<String, String>> segments = manifest.segments(queue);
        return segments.isEmpty() ? Long.MIN_VALUE : Journal.dayOf(Long.parseLong(segments.get(segments.size() - 1).get("lastIndex")));
    }

    /** The oldest snapshot kept: recovery falls back to it if the newer ones fail, so it must find the journal after it. */
    private static long oldestSnapshot(Path dataDir) throws IOException {
        List<SnapshotStore.Snapshot> snapshots = new SnapshotStore(dataDir).newestFirst();
        return snapshots.isEmpty() ? -1 : snapshots.get(snapshots.size() - 1).sequence();
    }

    /** A queue's daily cycle files by day: FAST_DAILY names them {@code yyyyMMdd} + {@code F.cq4}. */
    private static TreeMap<Long, Path> cycles(Path queue) throws IOException {
        TreeMap<Long, Path> cycles = new TreeMap<>();
        if (!Files.isDirectory(queue)) {
            return cycles;
        }
        try (Stream<Path> files = Files.list(queue)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("F.cq4") && name.length() == 13) {
                    LocalDate date = LocalDate.of(Integer.parseInt(name.substring(0, 4)), Integer.parseInt(name.substring(4, 6)),
                            Integer.parseInt(name.substring(6, 8)));
                    cycles.put(date.toEpochDay(), file);
                }
            }
        }
        return cycles;
    }
}

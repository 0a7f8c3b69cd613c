package io.ringbook.journal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Daily backup sets, kept like tapes: each UTC day's runs go into a set of their own,
 * {@code DEST/daily/YYYY-MM-DD} (a full backup on the day's first run, incremental
 * after), so that losing or damaging one set costs nothing else. After each run the
 * sets beyond the newest {@code keepDaily}, and beyond the newest set of each of the
 * newest {@code keepWeekly} ISO weeks, are deleted. Each set verifies and restores on
 * its own ({@code ringbook backup verify DEST/daily/2026-11-23}).
 *
 * @param keepDaily  the newest daily sets kept, at least 1
 * @param keepWeekly the ISO weeks whose newest set is kept as well, 0 or more
 */
public record BackupRotation(int keepDaily, int keepWeekly) {

    public BackupRotation {
        if (keepDaily < 1 || keepWeekly < 0) {
            throw new IllegalArgumentException("keep at least one daily backup, and zero or more weekly ones");
        }
    }

    /**
     * The rotation command-line options ask for: null when neither is given.
     *
     * @throws IllegalArgumentException when weekly comes without daily, or either is out of range
     */
    public static BackupRotation of(Integer keepDaily, Integer keepWeekly) {
        if (keepDaily == null && keepWeekly == null) {
            return null;
        }
        if (keepDaily == null || keepDaily < 1 || keepWeekly != null && keepWeekly < 0) {
            throw new IllegalArgumentException("keep-daily N (1 or more) goes first; keep-weekly M (0 or more) only with it");
        }
        return new BackupRotation(keepDaily, keepWeekly == null ? 0 : keepWeekly);
    }

    /** The set a run on {@code day} writes to. */
    public static Path setFor(Path base, LocalDate day) {
        return base.resolve("daily").resolve(day.toString());
    }

    /** Backs up into {@code day}'s set, then prunes; returns what the run added. */
    public Backup.Result run(Path dataDir, Path base, LocalDate day, boolean compress, String engineVersion) throws IOException {
        Backup.Result result = Backup.run(dataDir, setFor(base, day), compress, engineVersion);
        prune(base);
        return result;
    }

    /** Deletes the sets this rotation does not keep; returns them, oldest first. */
    public List<Path> prune(Path base) throws IOException {
        TreeMap<LocalDate, Path> sets = sets(base);
        Set<LocalDate> kept = new LinkedHashSet<>(sets.descendingKeySet().stream().limit(keepDaily).toList());
        TreeMap<Long, LocalDate> newestOfWeek = new TreeMap<>();
        for (LocalDate day : sets.keySet()) {
            newestOfWeek.put(day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), day);
        }
        kept.addAll(newestOfWeek.descendingMap().values().stream().limit(keepWeekly).toList());
        List<Path> deleted = new ArrayList<>();
        for (var set : sets.entrySet()) {
            if (!kept.contains(set.getKey())) {
                deleteTree(set.getValue());
                deleted.add(set.getValue());
            }
        }
        return deleted;
    }

    private static TreeMap<LocalDate, Path> sets(Path base) throws IOException {
        TreeMap<LocalDate, Path> sets = new TreeMap<>();
        Path daily = base.resolve("daily");
        if (!Files.isDirectory(daily)) {
            return sets;
        }
        try (Stream<Path> children = Files.list(daily)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                try {
                    sets.put(LocalDate.parse(child.getFileName().toString()), child);
                } catch (DateTimeParseException notASet) {
                    // someone else's directory: not ours to delete
                }
            }
        }
        return sets;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package io.ringbook.journal;

import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What operators see of the journal while the engine runs: each queue's directory and
 * size on disk (file sizes), the last command journaled on input and the last whose
 * events reached the output journal (clock ticks have none, so the two differ on an idle
 * engine), the output journal's lag (events decided but not yet appended), and the
 * newest snapshot. Also the journal's health: DOWN if its directory is not writable,
 * DEGRADED if the output journal is more than {@value #LAG_DEGRADED} events behind.
 */
public final class JournalStatus {

    static final long LAG_DEGRADED = 100_000;

    private final Journal journal;
    private final InputJournal input;
    private final OutputJournal output;
    private final SnapshotStore snapshots;

    public JournalStatus(Journal journal, InputJournal input, OutputJournal output, SnapshotStore snapshots) {
        this.journal = journal;
        this.input = input;
        this.output = output;
        this.snapshots = snapshots;
    }

    /** {@code GET /admin/v1/journal}. */
    public Map<String, Object> report() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("durability", journal.durability().name());
        json.put("input", queue(journal.directory().resolve("input"), input.lastJournaled()));
        json.put("output", queue(journal.directory().resolve("output"), output.lastJournaled()));
        json.put("lag", lag());
        try {
            List<SnapshotStore.Snapshot> newest = snapshots.newestFirst();
            json.put("lastSnapshot", newest.isEmpty() ? null : Map.of("id", newest.get(0).sequence(),
                    "file", newest.get(0).file().toString(), "bytes", Files.size(newest.get(0).file())));
        } catch (IOException e) {
            json.put("lastSnapshot", Map.of("error", String.valueOf(e.getMessage())));
        }
        return json;
    }

    public HealthComponent health() {
        return HealthComponent.of("journal", true, () -> {
            boolean writable = Files.isWritable(journal.directory());
            long lag = lag();
            HealthStatus status = !writable ? HealthStatus.DOWN : lag > LAG_DEGRADED ? HealthStatus.DEGRADED : HealthStatus.UP;
            return new HealthCheck(status, Map.of("writable", writable, "lastInputSequence", input.lastJournaled(),
                    "lastOutputSequence", output.lastJournaled(), "lag", lag));
        });
    }

    private long lag() {
        return output.pendingEvents();
    }

    private static Map<String, Object> queue(Path directory, long lastSequence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("directory", directory.toString());
        json.put("bytesOnDisk", bytes(directory));
        json.put("lastSequence", lastSequence);
        return json;
    }

    private static long bytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(JournalStatus::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}

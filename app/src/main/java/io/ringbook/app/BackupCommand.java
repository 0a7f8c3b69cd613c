package io.ringbook.app;

import io.ringbook.journal.backup.Backup;
import io.ringbook.journal.backup.BackupRotation;
import io.ringbook.journal.backup.BackupVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code ringbook backup}: an online, incremental backup of a data directory; {@code backup verify}: check one. */
@Command(name = "backup", mixinStandardHelpOptions = true, subcommands = BackupCommand.Verify.class,
        description = "Copy what the journal gained since the last run (and the newest snapshot) into DEST, "
                + "with a manifest of sizes, SHA-256 and sequences. Safe while the engine runs.")
final class BackupCommand implements Callable<Integer> {

    // not required by picocli: `backup verify DEST` has neither, and picocli asks a parent's required options of its subcommands too
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--to", paramLabel = "DEST", description = "Backup directory (created if missing). Required.")
    Path destination;

    @Option(names = "--compress", description = "gzip the new segments.")
    boolean compress;

    @Option(names = "--keep-daily", paramLabel = "N",
            description = "Back up into today's set (DEST/daily/YYYY-MM-DD, UTC) and keep the newest N sets.")
    Integer keepDaily;

    @Option(names = "--keep-weekly", paramLabel = "M",
            description = "With --keep-daily: also keep the newest set of each of the newest M ISO weeks (default: 0).")
    Integer keepWeekly;

    @Override
    public Integer call() throws IOException {
        if (dataDir.path() == null || destination == null) {
            System.err.println("backup: --data DIR and --to DEST are required (or: backup verify DEST)");
            return 2;
        }
        BackupRotation rotation;
        try {
            rotation = BackupRotation.of(keepDaily, keepWeekly);
        } catch (IllegalArgumentException e) {
            System.err.println("backup: --" + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Backup.Result result = rotation == null ? Backup.run(dataDir.path(), destination, compress, RingbookCommand.version())
                : rotation.run(dataDir.path(), destination, today, compress, RingbookCommand.version());
        Path written = rotation == null ? destination : BackupRotation.setFor(destination, today);
        System.out.printf("backup: %d new segments, %d excerpts, %d bytes%s in %.2f s -> %s%n", result.segments(), result.excerpts(),
                result.bytes(), result.snapshot() ? ", a new snapshot" : "", (System.nanoTime() - started) / 1e9, written);
        return 0;
    }

    /** {@code ringbook backup verify DEST}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every file's SHA-256, every excerpt's checksum, contiguous sequences and that snapshots load. "
                    + "Exit 0 if sound, 1 otherwise.")
    static final class Verify implements Callable<Integer> {

        @Parameters(paramLabel = "DEST", description = "Backup directory.")
        Path backup;

        @Override
        public Integer call() throws IOException {
            BackupVerifier.Report report = BackupVerifier.verify(backup);
            report.problems().forEach(problem -> System.out.println("problem: " + problem));
            System.out.printf("verify: %d files, %d excerpts, input through sequence %d: %s%n", report.files(), report.excerpts(),
                    report.lastSequence(), report.problems().isEmpty() ? "sound" : report.problems().size() + " problems");
            return report.problems().isEmpty() ? 0 : 1;
        }
    }
}

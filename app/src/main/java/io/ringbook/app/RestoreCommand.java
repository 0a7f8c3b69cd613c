package io.ringbook.app;

import io.ringbook.journal.backup.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringbook restore}: a data directory rebuilt from a backup, up to a point in time or sequence. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Rebuild a new data directory from a verified backup, up to a sequence or a time; "
                + "then `ringbook start --data NEWDIR` recovers from it as after a crash.")
final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "DEST", required = true, description = "Backup directory.")
    Path backup;

    @Option(names = "--data", paramLabel = "NEWDIR", required = true, description = "New (or empty) data directory.")
    Path dataDir;

    @Option(names = "--to-seq", paramLabel = "N", description = "Keep commands up to and including this sequence.")
    Long toSequence;

    @Option(names = "--to-time", paramLabel = "T", description = "Keep commands with event time before T (ISO-8601 UTC).")
    String toTime;

    @Override
    public Integer call() throws IOException {
        long beforeTime = OptionValues.time("--to-time", toTime, Long.MAX_VALUE);
        Restore.Result result;
        try {
            result = Restore.run(backup, dataDir, toSequence == null ? Long.MAX_VALUE : toSequence, beforeTime);
        } catch (IOException refused) {
            throw new CommandLineError("restore: " + refused.getMessage());
        }
        System.out.printf("restore: %d records through sequence %d%s -> %s%n", result.commands(), result.lastSequence(),
                result.snapshot() == null ? "" : ", snapshot " + result.snapshot(), dataDir);
        return 0;
    }
}

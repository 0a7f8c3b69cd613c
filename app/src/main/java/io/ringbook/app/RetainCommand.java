package io.ringbook.app;

import io.ringbook.journal.backup.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ringbook retain}: delete old journal days that a verified backup and a snapshot make safe to lose. */
@Command(name = "retain", mixinStandardHelpOptions = true,
        description = "Delete daily journal cycles older than --keep-days, only those a verified backup holds and the newest "
                + "snapshot covers (never today's). Safe while the engine runs.")
final class RetainCommand implements Callable<Integer> {

    @Mixin
    DataDirOption.Required dataDir;

    @Option(names = "--backup", paramLabel = "DEST", required = true, description = "The backup that must hold what is deleted.")
    Path backup;

    @Option(names = "--keep-days", paramLabel = "N", defaultValue = "7", description = "Days before today to keep (default: ${DEFAULT-VALUE}).")
    int keepDays;

    @Override
    public Integer call() throws IOException {
        List<Path> deleted = Retention.run(dataDir.path(), backup, keepDays, System.currentTimeMillis());
        deleted.forEach(file -> System.out.println("deleted " + file));
        System.out.println("retain: " + deleted.size() + " cycle files deleted");
        return 0;
    }
}

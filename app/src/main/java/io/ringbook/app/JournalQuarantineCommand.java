package io.ringbook.app;

import io.ringbook.app.profile.ConfigException;
import io.ringbook.journal.QuarantineWriter;
import io.ringbook.journal.codec.JournalFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code ringbook journal quarantine}: the operator's way out of a command the business
 * logic fails on. It is journaled already, so every start would replay it and stop
 * again; a QUARANTINE record makes recovery and replay skip it, and is its audit.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "With the engine stopped: journal a QUARANTINE record so that recovery and replay skip command N "
                + "(one the business logic failed on; the log and /health name it).")
final class JournalQuarantineCommand implements Callable<Integer> {

    @Mixin
    DataDirOption.Required dataDir;

    @Option(names = "--seq", paramLabel = "N", required = true, description = "Sequence of the command to skip.")
    long sequence;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why, for the audit (at most 200 bytes).")
    String reason;

    @Override
    public Integer call() {
        DataDirectory.requireJournal(dataDir.path());
        try {
            System.out.println(QuarantineWriter.quarantine(dataDir.path(), sequence, reason));
            return 0;
        } catch (JournalFormatException | IllegalArgumentException refused) {
            throw new ConfigException(refused.getMessage());
        }
    }
}

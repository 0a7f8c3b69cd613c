package io.ringbook.app;

import io.ringbook.app.profile.ConfigException;
import io.ringbook.journal.JournalRepair;
import io.ringbook.journal.codec.JournalFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ringbook journal repair}: tells what is wrong with a stopped engine's journal
 * and, with {@code --yes}, cuts what can be cut safely (a torn last excerpt, the damaged
 * queue kept aside); damage before the tail is only reported.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "With the engine stopped: check both journal queues; show what would be cut (a torn last excerpt) "
                + "and, with --yes, cut it after moving the damaged queue aside. Exit 0 if sound (or repaired), 1 if a "
                + "cut is due, 2 if damage before the tail needs a restore from backup.")
final class JournalRepairCommand implements Callable<Integer> {

    @Mixin
    DataDirOption.Required dataDir;

    @Option(names = "--yes", description = "Cut the torn tails (the damaged queues are moved aside whole first).")
    boolean yes;

    @Override
    public Integer call() {
        DataDirectory.requireJournal(dataDir.path());
        List<JournalRepair.Finding> findings = JournalRepair.inspect(dataDir.path());
        findings.forEach(finding -> System.out.println(finding.line()));
        if (findings.stream().anyMatch(JournalRepair.Finding::damagedBefore)) {
            throw new ConfigException("damage before the journal's tail; no repair cuts it (see above)");
        }
        if (findings.stream().noneMatch(JournalRepair.Finding::tornTail)) {
            return 0;
        }
        if (!yes) {
            System.out.println("nothing changed; run again with --yes to cut");
            return 1;
        }
        try {
            JournalRepair.repair(dataDir.path()).forEach(System.out::println);
            return 0;
        } catch (JournalFormatException refused) {
            throw new ConfigException(refused.getMessage());
        }
    }
}

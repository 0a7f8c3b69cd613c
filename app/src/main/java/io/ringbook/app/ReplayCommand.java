package io.ringbook.app;

import io.ringbook.journal.ReplayVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code ringbook replay}: does the journal reproduce itself byte for byte? */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay the input journal into a fresh engine (configured from the journal) and compare every output "
                + "with the recorded one. Exit 0 if identical, 1 at the first difference.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    DataDirOption.Required dataDir;

    @Override
    public Integer call() {
        DataDirectory.requireJournal(dataDir.path());
        ReplayVerifier.Report report = ReplayVerifier.verify(dataDir.path(), EngineLogic.replay(1 << 16));
        double seconds = report.nanosTaken() / 1e9;
        String summary = String.format("replay: %d commands, %d events in %.2f s (%.0f commands/s)",
                report.commands(), report.events(), seconds, report.commands() / Math.max(seconds, 1e-9));
        if (report.identical()) {
            System.out.println(summary + ": every output identical");
            return 0;
        }
        System.out.println(summary + ": first difference: " + report.firstDifference());
        return 1;
    }
}

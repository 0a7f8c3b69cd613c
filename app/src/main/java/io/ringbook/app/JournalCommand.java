package io.ringbook.app;

import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.codec.RecordType;
import io.ringbook.web.LimitsDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code ringbook journal}: the journal as JSON lines, each command followed by its events. */
@Command(name = "journal", mixinStandardHelpOptions = true, subcommands = {JournalQuarantineCommand.class, JournalRepairCommand.class},
        description = "Print journal records as JSON lines: each command, then the events it caused.")
final class JournalCommand implements Callable<Integer> {

    /** Required, but checked in {@link #call()}: picocli would ask for it before a subcommand such as {@code quarantine} too. */
    @Mixin
    DataDirOption dataDir;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "T", description = "Event time from (ISO-8601 UTC or epoch nanos), inclusive.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Event time to, exclusive.")
    String to;

    @Option(names = "--type", paramLabel = "X", split = ",",
            description = "Only these record types (a list, or the option repeated), e.g. NEW_ORDER,ORDER_FILLED; default: all.")
    List<String> types = List.of();

    @Option(names = "--exclude-type", paramLabel = "X", split = ",",
            description = "Leave out these record types, e.g. CLOCK_TICK (a list, or the option repeated).")
    List<String> excludedTypes = List.of();

    @Option(names = "--account", paramLabel = "A", description = "Account name, e.g. T1.")
    String account;

    @Override
    public Integer call() throws IOException {
        if (dataDir.path() == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--data=DIR'");
        }
        Set<RecordType> kept = types.isEmpty() ? EnumSet.allOf(RecordType.class) : OptionValues.recordTypes("--type", types);
        kept.removeAll(OptionValues.recordTypes("--exclude-type", excludedTypes));
        JournalQuery.Filter filter = new JournalQuery.Filter(OptionValues.time("--from", from, Long.MIN_VALUE),
                OptionValues.time("--to", to, Long.MAX_VALUE), kept, account);
        DataDirectory.requireJournal(dataDir.path());
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        JournalQuery.run(dataDir.path(), filter, Long.MAX_VALUE, LimitsDocument::toJson, line -> {
            try {
                out.write(line);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
        return 0;
    }
}

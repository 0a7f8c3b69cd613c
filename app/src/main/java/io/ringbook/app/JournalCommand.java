package io.ringbook.app;

import io.ringbook.engine.domain.EventTime;
import io.ringbook.journal.JournalQuery;
import io.ringbook.journal.codec.RecordType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringbook journal}: the journal as JSON lines, each command followed by its events. */
@Command(name = "journal", mixinStandardHelpOptions = true, subcommands = {JournalQuarantineCommand.class, JournalRepairCommand.class},
        description = "Print journal records as JSON lines: each command, then the events it caused.")
final class JournalCommand implements Callable<Integer> {

    /** Required, but checked in {@link #call()}: picocli would ask for it before a subcommand such as {@code quarantine} too. */
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (read only); required.")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "T", description = "Event time from (ISO-8601 UTC or epoch nanos), inclusive.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Event time to, exclusive.")
    String to;

    @Option(names = "--type", paramLabel = "X", description = "Record type, e.g. NEW_ORDER, ORDER_FILLED, BOOK_LEVEL, CONFIG.")
    String type;

    @Option(names = "--account", paramLabel = "A", description = "Account name, e.g. T1.")
    String account;

    @Override
    public Integer call() throws IOException {
        if (dataDir == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--data=DIR'");
        }
        JournalQuery.Filter filter = new JournalQuery.Filter(
                from == null ? Long.MIN_VALUE : EventTime.parse(from),
                to == null ? Long.MAX_VALUE : EventTime.parse(to),
                type == null ? null : RecordType.parse(type),
                account);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        JournalQuery.run(dataDir, filter, line -> {
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

package io.ringbook.app;

import io.ringbook.app.backtest.BacktestRun;
import io.ringbook.app.profile.DemoProfile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringbook backtest}: recorded or file-borne order flow under other settings, with a report. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run a recorded journal's commands (or an order file's) through a fresh engine under other settings, "
                + "as fast as it goes, and write a report (HTML or JSON by the file's extension). Never writes to --data.")
final class BacktestCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", paramLabel = "DIR", description = "Data directory whose input journal to replay (read only).")
        Path dataDir;

        @Option(names = "--orders", paramLabel = "FILE.csv", description = "An order file (API.md, \"Order files\").")
        Path orders;
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--from", paramLabel = "T", description = "Only commands at or after T (ISO-8601 UTC; journal only).")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Only commands before T (ISO-8601 UTC; journal only).")
    String to;

    @Option(names = "--report", paramLabel = "FILE", required = true, description = "Report file: .html or .json.")
    Path report;

    @Option(names = "--skip-bad-rows", description = "Count and skip bad rows of --orders instead of stopping.")
    boolean skipBadRows;

    @Override
    public Integer call() throws Exception {
        BacktestRun run = new BacktestRun(DemoProfile.referenceData(), config.path(), System.err);
        if (source.dataDir != null) {
            DataDirectory.requireJournal(source.dataDir);
            run.journal(source.dataDir, OptionValues.time("--from", from, Long.MIN_VALUE), OptionValues.time("--to", to, Long.MAX_VALUE));
        } else {
            run.orders(source.orders, skipBadRows);
        }
        run.report(report);
        System.out.println("backtest: report written to " + report);
        return 0;
    }
}

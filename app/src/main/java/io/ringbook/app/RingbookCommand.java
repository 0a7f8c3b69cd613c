package io.ringbook.app;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code ringbook} command line. Each subcommand is one tool of API.md's "Command
 * line" table; the ones not listed here arrive with their issues.
 */
@Command(name = "ringbook", mixinStandardHelpOptions = true, versionProvider = RingbookCommand.Version.class,
        subcommands = {StartCommand.class, ReplayCommand.class, JournalCommand.class, BackupCommand.class, RestoreCommand.class, RetainCommand.class, BacktestCommand.class},
        description = "Ringbook: a low-latency trading engine on one Disruptor ring.")
public final class RingbookCommand implements Runnable {

    public static void main(String[] args) {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new RingbookCommand()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    static String version() {
        String version = RingbookCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ringbook " + version()};
        }
    }
}

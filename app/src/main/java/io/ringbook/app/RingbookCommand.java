package io.ringbook.app;

import io.ringbook.app.profile.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code ringbook} command line. Each subcommand is one tool of API.md's "Command
 * line" table and the operations commands of docs/MANUAL.md. A configuration mistake ends the
 * command with its message and exit code 2, not a stack trace.
 */
@Command(name = "ringbook", mixinStandardHelpOptions = true, versionProvider = RingbookCommand.Version.class, resourceBundle = "io.ringbook.app.OptionHelp",
        subcommands = {StartCommand.class, ClusterCommand.class, ReplayCommand.class, JournalCommand.class, BackupCommand.class, RestoreCommand.class, RetainCommand.class, BacktestCommand.class},
        description = "Ringbook: a low-latency trading engine on one Disruptor ring.")
public final class RingbookCommand implements Runnable {

    public static void main(String[] args) {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new RingbookCommand()).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            if (!(failure instanceof ConfigException) && !(failure instanceof CommandLineError)) {
                throw failure;
            }
            commandLine.getErr().println("ringbook: " + failure.getMessage());
            return 2;
        }).setParameterExceptionHandler((refused, arguments) -> {
            CommandLine command = refused.getCommandLine();
            command.getErr().println("ringbook: " + refused.getMessage() + " (" + command.getCommandSpec().qualifiedName()
                    + " --help lists what is accepted)");
            return 2;
        }).execute(args);
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

package io.ringbook.app;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --data DIR}, the one definition of the data-directory option for the commands
 * that may go without it (a default of their own, or a check of their own because a
 * subcommand has none). What it means for a command other than {@code start} is that
 * command's entry in {@code OptionHelp.properties}; {@link Required} is the same option
 * where picocli requires it.
 */
public final class DataDirOption {

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    private Path dir;

    /** No default: the command decides what a missing {@code --data} means. */
    public DataDirOption() {
    }

    /** {@code defaultDir} unless the command line names another. */
    public DataDirOption(String defaultDir) {
        this.dir = Path.of(defaultDir);
    }

    /** The directory given (or the default), null if neither. */
    public Path path() {
        return dir;
    }

    /** {@code --data DIR} where the command cannot run without it. */
    public static final class Required {

        @Option(names = "--data", paramLabel = "DIR", required = true, descriptionKey = "data", description = "Data directory.")
        private Path dir;

        public Path path() {
            return dir;
        }
    }
}

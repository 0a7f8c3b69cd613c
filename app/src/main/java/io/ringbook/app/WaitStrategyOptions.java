package io.ringbook.app;

import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code --wait-strategy KIND}, {@code --outbound-wait KIND} and
 * {@code --output-journal-thread own|following}, the one definition of how the two hot
 * threads wait and where the output journal runs. Without them {@code start} chooses from the cores
 * ({@link WaitStrategies}); a command with fixed defaults passes them to the constructor.
 */
public final class WaitStrategyOptions {

    @Option(names = "--wait-strategy", paramLabel = "KIND", descriptionKey = "wait-strategy",
            description = "How the business-logic thread waits: busy-spin, yielding, sleeping, parking, phased, blocking "
                    + "(default: chosen from the cores, docs/TUNING.md).")
    private String logic;

    @Option(names = "--outbound-wait", paramLabel = "KIND", descriptionKey = "outbound-wait",
            description = "How the outbound thread waits: the same kinds (default: chosen from the cores, docs/TUNING.md).")
    private String outbound;

    @Option(names = "--output-journal-thread", paramLabel = "own|following", descriptionKey = "output-journal-thread",
            description = "The output journal on a thread of its own, or following the edges on the outbound thread "
                    + "(default: chosen from the cores, docs/TUNING.md).")
    private String outputJournalThread;

    /** No defaults: {@link #logic()} and {@link #outbound()} are null unless given. */
    public WaitStrategyOptions() {
    }

    /** These kinds unless the command line names others. */
    public WaitStrategyOptions(String logic, String outbound) {
        this.logic = logic;
        this.outbound = outbound;
    }

    /** The business-logic thread's kind, null if neither given nor defaulted. */
    public WaitStrategyKind logic() {
        return logic == null ? null : kind("--wait-strategy", logic);
    }

    /** The outbound thread's kind, null if neither given nor defaulted. */
    public WaitStrategyKind outbound() {
        return outbound == null ? null : kind("--outbound-wait", outbound);
    }

    /** The output journal's thread, null if not given. */
    public OutputJournalThread outputJournalThread() {
        if (outputJournalThread == null) {
            return null;
        }
        try {
            return OutputJournalThread.parse(outputJournalThread);
        } catch (IllegalArgumentException unknown) {
            throw new CommandLineError("--output-journal-thread " + outputJournalThread + ": " + unknown.getMessage());
        }
    }

    private static WaitStrategyKind kind(String option, String name) {
        try {
            return WaitStrategyKind.parse(name);
        } catch (IllegalArgumentException unknown) {
            throw new CommandLineError(option + " " + name + " is not a wait strategy; one of: "
                    + Arrays.stream(WaitStrategyKind.values()).map(WaitStrategies::name).collect(Collectors.joining(", ")));
        }
    }

    /** The business-logic thread's kind as given, for reports and file names. */
    public String logicName() {
        return logic;
    }

    /** The outbound thread's kind as given, for reports and file names. */
    public String outboundName() {
        return outbound;
    }
}

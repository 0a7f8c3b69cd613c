package io.ringbook.app;

import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;

/**
 * How the engine's two hot threads wait for work, and which thread writes the output
 * journal: what the profile or the command line configured, or, where they say nothing,
 * a choice made from the cores the JVM sees at start. With fewer than four cores no thread may hold one: both threads wait
 * {@code BLOCKING} (measured here, a spinning or phased thread cost the gateways' and the
 * clients' threads their core; each hop's wake-up is 25-60 us p50 on this machine, the
 * price of leaving the cores to the doors). With four or more, the logic thread spins ({@code YIELDING}: a core of its own, yet it
 * gives the core up when the scheduler has other work), and the outbound thread waits
 * {@code PHASED}. Below four cores the output journal follows the edges on the outbound
 * thread, from four it has a thread of its own ({@link OutputJournalThread}).
 * docs/TUNING.md has the figures behind the choice.
 *
 * @param logic        the business-logic thread's strategy
 * @param outbound     the outbound thread's strategy
 * @param chosenFrom   how each was decided, for the start banner
 * @param journal      the output journal's thread
 * @param journalFrom  how that was decided, for the start banner
 */
record WaitStrategies(WaitStrategyKind logic, WaitStrategyKind outbound, String chosenFrom, OutputJournalThread journal,
                      String journalFrom) {

    /** Cores from which a spinning logic thread leaves enough for Jetty, QuickFIX/J, the outbound thread and the OS. */
    static final int SPINNING_FROM_CORES = 4;

    /**
     * @param configuredLogic    the configured logic strategy, or null to choose
     * @param configuredOutbound the configured outbound strategy, or null to choose
     * @param configuredJournal  the configured output journal's thread, or null to choose
     * @param cores              the cores available to the JVM
     */
    static WaitStrategies choose(WaitStrategyKind configuredLogic, WaitStrategyKind configuredOutbound, OutputJournalThread configuredJournal,
                                 int cores) {
        boolean spare = cores >= SPINNING_FROM_CORES;
        WaitStrategyKind logic = configuredLogic != null ? configuredLogic : spare ? WaitStrategyKind.YIELDING : WaitStrategyKind.BLOCKING;
        WaitStrategyKind outbound = configuredOutbound != null ? configuredOutbound
                : spare ? WaitStrategyKind.PHASED : WaitStrategyKind.BLOCKING;
        String chosenFrom = configuredLogic != null && configuredOutbound != null ? "configured"
                : (configuredLogic != null || configuredOutbound != null ? "partly configured, the rest " : "")
                        + chosenFor(cores);
        return new WaitStrategies(logic, outbound, chosenFrom,
                configuredJournal != null ? configuredJournal : OutputJournalThread.forCores(cores),
                configuredJournal != null ? "configured" : chosenFor(cores));
    }

    private static String chosenFor(int cores) {
        return "chosen for " + cores + (cores == 1 ? " core" : " cores");
    }

    /** {@code config} with these strategies. */
    PipelineConfig applyTo(PipelineConfig config) {
        return config.withWaitStrategy(logic).withOutboundWait(outbound).withOutputJournalThread(journal);
    }

    /**
     * The banner's words: {@code wait strategy blocking (outbound blocking; chosen for 2 cores),
     * output journal following the edges (chosen for 2 cores)}.
     */
    String describe() {
        return "wait strategy " + name(logic) + " (outbound " + name(outbound) + "; " + chosenFrom + "), output journal "
                + (journal == OutputJournalThread.FOLLOWING ? "following the edges" : "on its own thread") + " (" + journalFrom + ")";
    }

    /** A kind as written on the command line: {@code busy-spin}, {@code lite-blocking}. */
    static String name(WaitStrategyKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

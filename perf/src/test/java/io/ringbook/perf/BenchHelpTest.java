package io.ringbook.perf;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bench shares start's option definitions (wait strategies, durability, config) with defaults and words of its own. */
class BenchHelpTest {

    @Test
    void benchKeepsItsOwnDefaultsAndWordsForTheSharedOptions() {
        LoadHarness harness = new LoadHarness();
        CommandLine bench = new CommandLine(harness);
        String help = usage(bench);
        assertTrue(help.contains("--wait-strategy=KIND Business-logic thread: busy-spin, yielding, sleeping, parking, phased, blocking (default: blocking)."), help);
        assertTrue(help.contains("--outbound-wait=KIND Outbound thread: the same kinds (default: blocking)."), help);
        assertTrue(help.contains("--durability=LEVEL process-crash or power-loss (default: process-crash)."), help);
        assertTrue(help.contains("--config=FILE Run under a profile's symbols, accounts and limits"), help);
        assertTrue(help.contains("amend-heavy (82% price amends by origClOrdId, 10% GTC, 3% IOC, 5% cancels,"), help);
        bench.parseArgs("--outbound-wait", "parking");
        assertEquals("blocking", harness.waits.logicName());
        assertEquals("parking", harness.waits.outboundName());
        assertEquals("process-crash", harness.durability.name());
    }

    /** The usage text, and no warning from picocli on the way (a lone '%' in a description makes one on every help). */
    private static String usage(CommandLine command) {
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            assertEquals("", warnings.toString(StandardCharsets.UTF_8), "picocli's warnings on the help");
            return help;
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void theBenchSizesItsClOrdIdIndexForWhatTheFlowUses() {
        int perRun = 12_345;
        assertEquals(1 << 16, clOrdIdsPerRun(perRun), "the default flow uses no clOrdIds");
        assertEquals(perRun, clOrdIdsPerRun(perRun, "--scenario", "amend-heavy"));
        assertEquals(perRun, clOrdIdsPerRun(perRun, "--clordids", "row"));
        assertEquals(perRun, clOrdIdsPerRun(perRun, "--orders", "rows.csv"), "an order file may carry clOrdIds");
        assertTrue(LoadHarness.CLORDIDS_PER_RUN >= 14_000_000, "a 7 s burst at 2 M commands a second fits the single-process index");
        assertTrue(LoadHarness.CLORDIDS_PER_CLUSTER_RUN < LoadHarness.CLORDIDS_PER_RUN, "three nodes in one JVM build smaller ones");
    }

    private static int clOrdIdsPerRun(int perRun, String... args) {
        LoadHarness harness = new LoadHarness();
        new CommandLine(harness).parseArgs(args);
        return harness.clOrdIdsPerRun(perRun);
    }
}

package io.ringbook.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared options (one definition each, picocli mixins) keep what each command's help
 * said of them before: the command's own meaning of {@code --data} and {@code --config},
 * its default and whether it is required.
 */
class CommandLineHelpTest {

    private final CommandLine ringbook = new CommandLine(new RingbookCommand());

    @Test
    void eachCommandDescribesTheSharedOptionsInItsOwnWords() {
        Map<String, String> said = Map.ofEntries(
                Map.entry("start", "--data=DIR             Data directory (default: data)."),
                Map.entry("backup", "Data directory to back up (read only). Required."),
                Map.entry("replay", "Data directory to replay (read only)."),
                Map.entry("retain", "--data=DIR          Data directory."),
                Map.entry("journal", "Data directory (read only); required."),
                Map.entry("journal repair", "Data directory of the stopped engine."),
                Map.entry("journal quarantine", "Data directory of the stopped engine."),
                Map.entry("backtest", "Settings to apply (YAML or JSON: limits, symbols,"),
                Map.entry("cluster demo", "Data of node N in DIR/node-N (default:"),
                Map.entry("cluster node", "A profile with a cluster section; without it, the"),
                Map.entry("cluster gateway", "driver (default: data-cluster/gateway)."));
        said.forEach((command, text) -> {
            String help = usage(command);
            assertTrue(help.replaceAll("\\s+", " ").contains(text.replaceAll("\\s+", " ")), command + " --help:\n" + help);
        });
        String start = usage("start").replaceAll("\\s+", " ");
        assertTrue(start.contains("--wait-strategy=KIND How the business-logic thread waits: busy-spin, yielding, sleeping, parking, "
                + "phased, blocking (default: chosen from the cores, docs/TUNING.md)."), start);
        assertTrue(start.contains("--config=FILE Configuration file, YAML or JSON (docs/CONFIGURATION.md); without it, the demo profile."), start);
    }

    @Test
    void requiredAndDefaultedStayAsTheyWere() {
        assertTrue(option("replay", "--data").required());
        assertTrue(option("retain", "--data").required());
        assertTrue(option("journal repair", "--data").required());
        assertFalse(option("backup", "--data").required(), "backup verify DEST goes without it");
        assertFalse(option("journal", "--data").required(), "journal quarantine goes without the parent's");
        assertEquals("data", Objects.toString(option("start", "--data").getValue()));
        assertEquals("data-cluster", Objects.toString(option("cluster demo", "--data").getValue()));
        assertNull(option("start", "--wait-strategy").getValue(), "chosen from the cores unless given");
    }

    private String usage(String command) {
        return subcommand(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private CommandLine.Model.OptionSpec option(String command, String name) {
        return subcommand(command).getCommandSpec().findOption(name);
    }

    private CommandLine subcommand(String path) {
        CommandLine command = ringbook;
        for (String name : path.split(" ")) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }
}

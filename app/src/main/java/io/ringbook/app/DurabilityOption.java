package io.ringbook.app;

import io.ringbook.journal.Durability;
import picocli.CommandLine.Option;

/** {@code --durability LEVEL}, the one definition of what a journaled batch survives before it is decided. */
public final class DurabilityOption {

    @Option(names = "--durability", paramLabel = "LEVEL", descriptionKey = "durability",
            description = "What a journaled batch survives before it is decided: process-crash or power-loss (default: process-crash).")
    private String level;

    /** No default: {@link #durability()} is null unless given (the profile's then holds). */
    public DurabilityOption() {
    }

    /** {@code defaultLevel} unless the command line names another. */
    public DurabilityOption(String defaultLevel) {
        this.level = defaultLevel;
    }

    /** The level, null if neither given nor defaulted. */
    public Durability durability() {
        return level == null ? null : Durability.parse(level);
    }

    /** The level as given, for reports. */
    public String name() {
        return level;
    }
}

package io.ringbook.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * A data directory's journal was written under a configuration that cannot follow it:
 * other symbols, accounts, price protections or breakers (limits alone may change). Names
 * each differing setting, so that the operator can start with the original
 * configuration or choose another data directory.
 */
public final class ConfigurationMismatchException extends RuntimeException {

    private final List<String> differences;

    public ConfigurationMismatchException(Path journal, List<String> differences) {
        super("the journal in " + journal + " was written with other settings: " + String.join("; ", differences)
                + "; start with the original configuration, or on another data directory (limits may change)", null, false, false);
        this.differences = List.copyOf(differences);
    }

    /** The settings that differ, one phrase each, e.g. {@code accounts (journal: T1, T2; configured: T1)}. */
    public List<String> differences() {
        return differences;
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.ProfileFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --config FILE}, the one definition of the profile-file option: a configuration
 * file (docs/CONFIGURATION.md), else the demo profile. What a command other than
 * {@code start} takes from it is that command's entry in {@code OptionHelp.properties}.
 */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "config",
            description = "Configuration file, YAML or JSON (docs/CONFIGURATION.md); without it, the demo profile.")
    private Path file;

    /** The file given, null for none. */
    public Path path() {
        return file;
    }

    /** The file's profile (its environment variables resolved), else the demo profile. */
    public Profile profile() {
        return file == null ? DemoProfile.profile() : ProfileFile.read(file, System::getenv);
    }
}

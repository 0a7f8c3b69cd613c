package io.ringbook.app.backtest;

import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.ConfigNode;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.RiskOverrides;
import io.ringbook.engine.domain.ReferenceData;

import java.nio.file.Path;
import java.util.Set;

/**
 * The settings a backtest runs under, from {@code --config}: either overrides of the
 * risk settings ({@link RiskOverrides}: {@code limits}, {@code symbols}' price
 * protections, {@code rejectStorm}; anything not named stays as recorded), or a whole
 * profile file as {@code start --config} takes (recognised by symbols with a tick size),
 * whose risk settings then replace the recorded ones entirely. A whole profile must
 * trade the recording's symbols and accounts (for an order file it simply replaces the
 * demo profile). Credentials and run settings in it are ignored; an environment
 * variable that is not set reads as empty.
 */
final class BacktestSettings {

    private static final Set<String> OVERRIDE_KEYS = Set.of("limits", "symbols", "rejectStorm");

    private BacktestSettings() {
    }

    /** The recording's configuration under the settings of {@code file} (none: as recorded). */
    static ReferenceData forJournal(ReferenceData recorded, Path file) {
        if (file == null) {
            return recorded;
        }
        ConfigNode root = parse(file);
        if (!ProfileFile.definesSymbols(root)) {
            return overrides(recorded, root, file);
        }
        ReferenceData profile = whole(root, file);
        if (!profile.symbols().all().equals(recorded.symbols().all()) || !profile.accounts().all().equals(recorded.accounts().all())) {
            throw new ConfigException(file + ": its symbols or accounts differ from the recording's; "
                    + "give only the risk settings (limits, symbols' bands and breakers, rejectStorm) to change");
        }
        return profile;
    }

    /** The configuration an order file runs under: {@code base} with overrides, or the file's whole profile. */
    static ReferenceData forOrderFile(ReferenceData base, Path file) {
        if (file == null) {
            return base;
        }
        ConfigNode root = parse(file);
        return ProfileFile.definesSymbols(root) ? whole(root, file) : overrides(base, root, file);
    }

    private static ConfigNode parse(Path file) {
        try {
            return ProfileFile.parse(file, name -> System.getenv().getOrDefault(name, ""));
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static ReferenceData whole(ConfigNode root, Path file) {
        try {
            return ProfileFile.referenceData(root);
        } catch (ConfigException | IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static ReferenceData overrides(ReferenceData base, ConfigNode root, Path file) {
        try {
            root.allowOnly(OVERRIDE_KEYS);
            ConfigNode symbols = root.node("symbols");
            symbols.keys().forEach(name -> symbols.node(name).allowOnly(RiskOverrides.SYMBOL_KEYS));
            return RiskOverrides.apply(base, root);
        } catch (ConfigException | IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }
}

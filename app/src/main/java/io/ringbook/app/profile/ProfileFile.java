package io.ringbook.app.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.SymbolTable;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.limits.RejectStorm;
import io.ringbook.engine.limits.RiskSettings;
import io.ringbook.engine.limits.SymbolRisk;
import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.gateway.rest.RateLimits;
import io.ringbook.gateway.rest.StreamLimits;
import io.ringbook.journal.Durability;
import io.ringbook.journal.backup.BackupRotation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A profile other than the demo's, from a YAML (or JSON) file: {@code ./ringbook start
 * --config FILE}. It has no built-in credentials: every account needs an API key and the
 * admin API at least one token, each of 16 characters or more, written in the file or,
 * better, taken from the environment with {@code ${NAME}} (an unset variable stops the
 * start). Whatever is not configured is off: no limits, no price band, no breakers.
 * docs/CONFIGURATION.md describes every setting; a mistake is reported with its path
 * ({@code symbols.TEST.tickSize: ...}) and nothing starts.
 */
public final class ProfileFile {

    private static final Set<String> ROOT_KEYS = Set.of("listen", "ports", "engine", "backup", "fix", "rateLimits",
            "symbols", "accounts", "limits", "rejectStorm", "adminTokens", "cluster");
    private static final Set<String> SPEC_KEYS = Set.of("tickSize", "lotSize", "makerFee", "takerFee", "tradingHours");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int FEE_SCALE = 6;

    private ProfileFile() {
    }

    /** Reads {@code file} with {@code ${NAME}} taken from {@code environment} (null when unset). */
    public static Profile read(Path file, Function<String, String> environment) {
        try {
            ConfigNode root = parse(file, environment);
            ReferenceData data = referenceData(root);
            return new Profile(file.toString(), data, CredentialSettings.read(root, data.accounts()), rateLimits(root.node("rateLimits")),
                    root.string("listen", "127.0.0.1"), ports(root.node("ports")), fix(root.node("fix"), root.node("accounts")), run(root));
        } catch (ConfigException | IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** The file as a tree of settings, environment variables substituted; errors name the setting, not the file. */
    public static ConfigNode parse(Path file, Function<String, String> environment) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Map.class);
            return ConfigNode.root(tree == null ? null : EnvironmentSubstitution.apply(tree, environment));
        } catch (JsonProcessingException e) {
            throw new ConfigException("not YAML or JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new ConfigException("no such file");
        } catch (IOException e) {
            throw new ConfigException("cannot be read: " + e.getMessage());
        }
    }

    /** Whether the file defines what it trades (symbols with their tick and lot): a whole profile, not just overrides. */
    public static boolean definesSymbols(ConfigNode root) {
        ConfigNode symbols = root.node("symbols");
        return symbols.keys().stream().anyMatch(name -> symbols.node(name).has("tickSize"));
    }

    /** The symbols, accounts and risk settings of a whole profile. */
    public static ReferenceData referenceData(ConfigNode root) {
        root.allowOnly(ROOT_KEYS);
        ConfigNode symbolsNode = root.node("symbols");
        List<SymbolSpec> specs = new ArrayList<>();
        for (String name : symbolsNode.keys()) {
            checkName(symbolsNode, name);
            ConfigNode symbol = symbolsNode.node(name);
            for (String key : symbol.keys()) {
                if (!SPEC_KEYS.contains(key) && !RiskOverrides.SYMBOL_KEYS.contains(key)) {
                    throw symbol.error(key, "unknown setting (known here: " + String.join(", ", SPEC_KEYS) + ", "
                            + String.join(", ", RiskOverrides.SYMBOL_KEYS) + ")");
                }
            }
            specs.add(new SymbolSpec(specs.size(), name, positive(symbol, "tickSize"), positive(symbol, "lotSize"),
                    fee(symbol, "makerFee"), fee(symbol, "takerFee"), symbol.parsed("tradingHours", "24/7", TradingHours::parse)));
        }
        if (specs.isEmpty()) {
            throw new ConfigException("symbols: at least one symbol is required");
        }
        ConfigNode accountsNode = root.node("accounts");
        for (String name : accountsNode.keys()) {
            checkName(accountsNode, name);
        }
        if (accountsNode.keys().isEmpty()) {
            throw new ConfigException("accounts: at least one account is required");
        }
        SymbolTable symbols = new SymbolTable(specs);
        AccountTable accounts = new AccountTable(accountsNode.keys());
        RiskSettings unlimited = new RiskSettings(Collections.nCopies(symbols.size(), SymbolRisk.none()),
                Collections.nCopies(accounts.size(), AccountLimits.none(symbols.size())), RejectStorm.NONE);
        ReferenceData configured = RiskOverrides.apply(new ReferenceData(symbols, accounts, unlimited), root);
        return new ReferenceData(symbols, accounts, configured.risk().withMaxOpenOrders(maxOpenOrders(root.node("engine"))));
    }

    /** {@code engine.maxOpenOrders}, the venue-wide cap on open orders; by default sized from the heap ({@link OpenOrderCap}). */
    private static long maxOpenOrders(ConfigNode engine) {
        return count(engine, "maxOpenOrders", OpenOrderCap.forThisJvm());
    }

    private static RateLimits rateLimits(ConfigNode node) {
        node.allowOnly(Set.of("orderEntryPerSecond", "orderEntryPerMinute", "queriesPerSecond", "queriesPerMinute",
                "abuseRefusals", "blockSeconds", "streams"));
        RateLimits d = RateLimits.DEMO;
        return new RateLimits(count(node, "orderEntryPerSecond", d.orderEntryPerSecond()),
                count(node, "orderEntryPerMinute", d.orderEntryPerMinute()), count(node, "queriesPerSecond", d.queriesPerSecond()),
                count(node, "queriesPerMinute", d.queriesPerMinute()), (int) count(node, "abuseRefusals", d.abuseRefusals()),
                count(node, "blockSeconds", d.blockSeconds()), streamLimits(node.node("streams")));
    }

    /** What one WebSocket client may take; the idle timeout is the contract's and not configured. */
    private static StreamLimits streamLimits(ConfigNode node) {
        node.allowOnly(Set.of("framesPerSecond", "sessionsPerKey", "sessionsPerAddress", "subscriptionsPerSession", "queueBytes"));
        StreamLimits d = StreamLimits.DEMO;
        return new StreamLimits(count(node, "framesPerSecond", d.framesPerSecond()),
                (int) count(node, "sessionsPerKey", d.sessionsPerKey()), (int) count(node, "sessionsPerAddress", d.sessionsPerAddress()),
                (int) count(node, "subscriptionsPerSession", d.subscriptionsPerSession()), count(node, "queueBytes", d.queueBytes()),
                d.idleSeconds());
    }

    private static Ports ports(ConfigNode node) {
        node.allowOnly(Set.of("rest", "admin", "fix"));
        return new Ports(port(node, "rest", Ports.DEFAULTS.rest()), port(node, "admin", Ports.DEFAULTS.admin()),
                port(node, "fix", Ports.DEFAULTS.fix()));
    }

    private static FixSessionOptions fix(ConfigNode node, ConfigNode accounts) {
        node.allowOnly(Set.of("resetOnLogon", "cancelOnDisconnect"));
        Map<String, String> compIds = new LinkedHashMap<>();
        Map<String, Boolean> cancelOnDisconnect = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(Set.of(FixGateway.COMP_ID));
        for (String name : accounts.keys()) {
            ConfigNode account = accounts.node(name);
            String compId = account.string("fixCompId", name);
            if (!NAME.matcher(compId).matches() || !taken.add(compId)) {
                throw account.error("fixCompId", "'" + compId + "' must be 1-32 letters, digits, '.', '_' or '-', used by one"
                        + " account only and not the acceptor's own " + FixGateway.COMP_ID);
            }
            if (!compId.equals(name)) {
                compIds.put(name, compId);
            }
            if (account.has("fixCancelOnDisconnect")) {
                cancelOnDisconnect.put(name, account.flag("fixCancelOnDisconnect", true));
            }
        }
        FixSessionOptions d = FixSessionOptions.DEFAULTS;
        return new FixSessionOptions(node.flag("resetOnLogon", d.resetOnLogon()), node.flag("cancelOnDisconnect", d.cancelOnDisconnect()),
                compIds, cancelOnDisconnect);
    }

    private static RunSettings run(ConfigNode root) {
        ConfigNode engine = root.node("engine").allowOnly(Set.of("waitStrategy", "outboundWait", "snapshotEverySeconds", "durability",
                "clOrdIdsPerDay", "diskReserveMb", "maxOpenOrders", "outputJournalThread"));
        ConfigNode backup = root.node("backup").allowOnly(Set.of("to", "everyMinutes", "dailyAt", "keepDaily", "keepWeekly"));
        RunSettings d = RunSettings.DEFAULTS;
        String to = backup.string("to", null);
        if (to == null && !backup.keys().isEmpty()) {
            throw backup.error("to", "is required for backups");
        }
        return new RunSettings(engine.has("waitStrategy") ? engine.parsed("waitStrategy", null, WaitStrategyKind::parse) : d.waitStrategy(),
                engine.has("outboundWait") ? engine.parsed("outboundWait", null, WaitStrategyKind::parse) : d.outboundWait(),
                engine.whole("snapshotEverySeconds", d.snapshotEverySeconds()),
                engine.parsed("durability", d.durability().name(), Durability::parse),
                to == null ? null : new BackupPlan(Path.of(to), count(backup, "everyMinutes", BackupPlan.DEFAULT_MINUTES),
                        backup.has("dailyAt") ? backup.parsed("dailyAt", null, LocalTime::parse) : null, rotation(backup)),
                clOrdIdsPerDay(engine), engine.whole("diskReserveMb", d.diskReserveMb()),
                engine.has("outputJournalThread") ? engine.parsed("outputJournalThread", null, OutputJournalThread::parse)
                        : d.outputJournalThread());
    }

    private static int clOrdIdsPerDay(ConfigNode engine) {
        long value = count(engine, "clOrdIdsPerDay", RunSettings.DEFAULTS.clOrdIdsPerDay());
        if (value > 500_000_000) {
            throw engine.error("clOrdIdsPerDay", "must be at most 500000000");
        }
        return (int) value;
    }

    private static BackupRotation rotation(ConfigNode backup) {
        if (!backup.has("keepDaily") && !backup.has("keepWeekly")) {
            return null;
        }
        if (!backup.has("keepDaily")) {
            throw backup.error("keepDaily", "is required with keepWeekly (at least 1)");
        }
        long weekly = backup.whole("keepWeekly", 0);
        if (backup.whole("keepDaily", 0) < 1 || weekly < 0) {
            throw backup.error("keepDaily", "must be at least 1, and keepWeekly 0 or more");
        }
        return new BackupRotation((int) backup.whole("keepDaily", 0), (int) weekly);
    }

    private static long count(ConfigNode node, String key, long fallback) {
        long value = node.whole(key, fallback);
        if (value <= 0) {
            throw node.error(key, "must be positive");
        }
        return value;
    }

    private static int port(ConfigNode node, String key, int fallback) {
        long value = node.whole(key, fallback);
        if (value < 0 || value > 65_535) {
            throw node.error(key, "must be a port number, 0-65535 (0: any free port)");
        }
        return (int) value;
    }

    private static BigDecimal positive(ConfigNode node, String key) {
        BigDecimal value = node.decimal(key);
        if (value == null || value.signum() <= 0) {
            throw node.error(key, "is required and must be a positive decimal");
        }
        return value;
    }

    private static long fee(ConfigNode node, String key) {
        BigDecimal value = node.decimal(key);
        if (value == null) {
            return 0;
        }
        try {
            return value.movePointRight(FEE_SCALE).longValueExact();
        } catch (ArithmeticException e) {
            throw node.error(key, "is a fraction of the notional with at most 6 decimals (0.0005 = 5 bp)");
        }
    }

    private static void checkName(ConfigNode node, String name) {
        if (!NAME.matcher(name).matches()) {
            throw node.error(name, "names are 1-32 letters, digits, '.', '_' or '-'");
        }
    }
}

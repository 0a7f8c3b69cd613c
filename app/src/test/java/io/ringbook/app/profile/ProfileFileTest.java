package io.ringbook.app.profile;

import io.ringbook.admin.AdminToken;
import io.ringbook.admin.Role;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.domain.TradingHours;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.gateway.rest.StreamLimits;
import io.ringbook.journal.Durability;
import io.ringbook.journal.backup.BackupRotation;
import io.ringbook.web.LimitsDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ProfileFileTest {

    public static final Path EXAMPLE = Path.of("../docs/ringbook.example.yaml");
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "FUND1_API_KEY", "fund1-key-0123456789", "FUND1_SECRET", "fund1-secret-0123456789",
            "FUND2_API_KEY", "fund2-key-0123456789", "FUND1_FIX_PASSWORD", "fund1-fix-0123456789",
            "FUND2_FIX_PASSWORD", "fund2-fix-0123456789", "RINGBOOK_VIEWER_TOKEN", "viewer-token-0123456789",
            "RINGBOOK_OPERATOR_TOKEN", "operator-token-0123456789", "RINGBOOK_ADMIN_TOKEN", "admin-token-0123456789");

    @TempDir
    Path dir;

    @Test
    void shouldReadTheDocumentedExampleExactly() throws IOException {
        Profile profile = ProfileFile.read(EXAMPLE, ENVIRONMENT::get);
        ReferenceData data = profile.referenceData();
        SymbolSpec btc = data.symbols().get(0);
        assertEquals("BTC-USD", btc.name());
        assertEquals(new BigDecimal("0.01"), btc.tickSize());
        assertEquals(new BigDecimal("0.0001"), btc.lotSize());
        assertEquals(-100, btc.makerFeePpm());
        assertEquals(500, btc.takerFeePpm());
        assertEquals(TradingHours.ALWAYS, btc.tradingHours());
        SymbolSpec acme = data.symbols().get(1);
        assertEquals("ACME", acme.name());
        assertEquals(0, acme.makerFeePpm());
        assertEquals(TradingHours.parse("MON-FRI 14:30-21:00"), acme.tradingHours());
        assertEquals(500, data.risk().symbols().get(0).priceBandBps());
        assertEquals(btc.ticks(new BigDecimal("60000")), data.risk().symbols().get(0).referencePrice());
        assertEquals(1_000, data.risk().symbols().get(0).volatilityMoveBps());
        assertEquals(AccountLimits.UNLIMITED, data.risk().symbols().get(1).volatilityMoveBps(), "breakers are off unless configured");
        assertEquals(50, data.risk().rejectStorm().rejects());
        assertEquals(60_000_000_000L, data.risk().rejectStorm().breaker().cooldownNanos());

        assertEquals(java.util.List.of("FUND1", "FUND2"), data.accounts().all());
        Map<String, Object> fund1 = LimitsDocument.toJson("FUND1", data.risk().accounts().get(0), data.symbols());
        Map<String, Object> fund2 = LimitsDocument.toJson("FUND2", data.risk().accounts().get(1), data.symbols());
        assertEquals(Map.of("*", "100", "BTC-USD", "50000"), fund1.get("maxOrderQty"));
        assertEquals("5000000", fund2.get("maxGrossNotional"));
        assertEquals(500L, ((Number) fund2.get("maxOpenOrders")).longValue());
        assertEquals("50000", fund1.get("dailyLossLimit"));
        assertNull(fund2.get("dailyLossLimit"), "an account's own limits apply to it only");

        assertEquals(Map.of("fund1-key-0123456789", 0, "fund2-key-0123456789", 1), profile.credentials().apiKeys());
        assertEquals(Map.of(0, "fund1-secret-0123456789"), profile.credentials().secrets());
        assertEquals(Map.of(0, "fund1-fix-0123456789", 1, "fund2-fix-0123456789"), profile.credentials().fixPasswords());
        assertFalse(profile.credentials().toString().contains("fund1-fix-0123456789"), "credentials never print their values");
        assertEquals(new AdminToken("ops-desk", Role.OPERATOR), profile.credentials().adminTokens().get("operator-token-0123456789"));
        assertEquals(new AdminToken("viewer", Role.VIEWER), profile.credentials().adminTokens().get("viewer-token-0123456789"),
                "a role's single token is named after the role");
        assertEquals(50, profile.rateLimits().orderEntryPerSecond());
        assertEquals(300, profile.rateLimits().blockSeconds());
        assertEquals(new StreamLimits(10, 5, 20, 20, 2_097_152, 60), profile.rateLimits().streams());
        assertEquals(Ports.DEFAULTS, profile.ports());
        assertEquals("127.0.0.1", profile.listenAddress());
        assertEquals(new FixSessionOptions(false, true, Map.of("FUND2", "FUND2-FIX"), Map.of("FUND1", false)), profile.fix());
        assertFalse(profile.fix().cancelsOnDisconnect("FUND1"));
        assertTrue(profile.fix().cancelsOnDisconnect("FUND2"));
        assertEquals(WaitStrategyKind.BLOCKING, profile.run().waitStrategy(), "the example fits small machines: no spinning");
        assertEquals(WaitStrategyKind.BLOCKING, profile.run().outboundWait());
        assertEquals(Durability.POWER_LOSS, profile.run().durability());
        assertEquals(2_000_000, profile.run().clOrdIdsPerDay());
        assertEquals(1_000_000, profile.referenceData().risk().maxOpenOrders());
        assertEquals(new BackupPlan(Path.of("/var/backups/ringbook"), 60, java.time.LocalTime.of(2, 30), new BackupRotation(7, 4)),
                profile.run().backup());
    }

    @Test
    void shouldRefuseToStartWithoutCredentials() throws IOException {
        assertRefused(MINIMAL.replace("    apiKey: \"account-a-key-0123456789\"\n", "    {}\n"), "accounts.A.apiKey: is required");
        assertRefused(MINIMAL.replace("adminTokens: {admin: \"admin-token-0123456789\"}\n", ""), "adminTokens: at least one token");
        assertRefused(MINIMAL.replace("account-a-key-0123456789", "t1-key"), "accounts.A.apiKey: must have at least 16 characters");
        assertRefused(MINIMAL.replace("    apiKey: \"account-a-key-0123456789\"\n", "    apiKey: \"account-a-key-0123456789\"\n"
                + "    fixPassword: \"t1-key\"\n"), "accounts.A.fixPassword: must have at least 16 characters");
        assertRefused(MINIMAL.replace("admin: \"admin-token-0123456789\"", "root: \"admin-token-0123456789\""),
                "adminTokens.root: unknown setting");
        assertRefused(MINIMAL.replace("\"account-a-key-0123456789\"", "\"${A_KEY}\""), "accounts.A.apiKey: environment variable A_KEY is not set");
    }

    @Test
    void shouldTakeCredentialsFromTheEnvironment() throws IOException {
        Path file = write(MINIMAL.replace("\"account-a-key-0123456789\"", "\"${A_KEY}\"")
                .replace("{admin: \"admin-token-0123456789\"}", "{viewer: [\"${V1}\", \"viewer-two-0123456789\"]}"));
        Map<String, String> environment = new HashMap<>(Map.of("A_KEY", "from-the-environment-1", "V1", "viewer-one-0123456789"));
        Profile profile = ProfileFile.read(file, environment::get);
        assertEquals(Map.of("from-the-environment-1", 0), profile.credentials().apiKeys());
        assertEquals(Map.of("viewer-one-0123456789", new AdminToken("viewer-1", Role.VIEWER),
                "viewer-two-0123456789", new AdminToken("viewer-2", Role.VIEWER)), profile.credentials().adminTokens(),
                "tokens of a list are named after the role and their place in it");
    }

    @Test
    void shouldNameAdminTokensForTheAuditLog() throws IOException {
        Path file = write(MINIMAL.replace("{admin: \"admin-token-0123456789\"}",
                "{admin: {alice: \"alice-token-0123456789\", bob: \"${BOB}\"}, viewer: \"viewer-token-0123456789\"}"));
        Profile profile = ProfileFile.read(file, Map.of("BOB", "bob-token-0123456789")::get);
        assertEquals(Map.of("alice-token-0123456789", new AdminToken("alice", Role.ADMIN), "bob-token-0123456789",
                new AdminToken("bob", Role.ADMIN), "viewer-token-0123456789", new AdminToken("viewer", Role.VIEWER)),
                profile.credentials().adminTokens());
        assertRefused(MINIMAL.replace("{admin: \"admin-token-0123456789\"}",
                "{admin: {viewer: \"alice-token-0123456789\"}, viewer: \"viewer-token-0123456789\"}"),
                "adminTokens.viewer: token name 'viewer' is given twice");
        assertRefused(MINIMAL.replace("{admin: \"admin-token-0123456789\"}", "{admin: {\"a b\": \"alice-token-0123456789\"}}"),
                "adminTokens.admin: token name 'a b' is not 1-32 letters");
        assertRefused(MINIMAL.replace("{admin: \"admin-token-0123456789\"}", "{admin: {alice: \"short\"}}"),
                "adminTokens.admin.alice: must have at least 16 characters");
    }

    @Test
    void shouldNameTheSettingAtFault() {
        assertRefused(MINIMAL + "engine: {snapshotEverySeconds: \"1e-999999999\"}\n", "engine.snapshotEverySeconds: must be a whole number, not 1E-999999999");
        assertRefused(MINIMAL.replace("tickSize: \"1\"", "tickSize: \"-1\""), "symbols.TEST.tickSize: is required and must be a positive decimal");
        assertRefused(MINIMAL.replace("tickSize: \"1\"", "tickSize: \"1\", tickSise: 2"), "symbols.TEST.tickSise: unknown setting");
        assertRefused(MINIMAL.replace("lotSize: \"1\"", "lotSize: \"1\", takerFee: \"0.00000001\""), "symbols.TEST.takerFee: is a fraction");
        assertRefused(MINIMAL.replace("lotSize: \"1\"", "lotSize: \"1\", priceBandPct: \"0.001\""), "symbols.TEST.priceBandPct: takes at most two decimals");
        assertRefused(MINIMAL.replace("lotSize: \"1\"", "lotSize: \"1\", tradingHours: \"weekdays\""), "symbols.TEST.tradingHours: 'weekdays' is not valid");
        assertRefused(MINIMAL + "limits: {B: {maxOpenOrders: 3}}\n", "limits.B: no such account");
        assertRefused(MINIMAL + "limits: {A: {maxOpenOrdres: 3}}\n", "limits.A: maxOpenOrdres is not a limit");
        assertRefused(MINIMAL + "ports: {rest: 70000}\n", "ports.rest: must be a port number");
        assertRefused(MINIMAL + "engine: {waitStrategy: spinning}\n", "engine.waitStrategy: 'spinning' is not valid");
        assertRefused(MINIMAL + "engine: {clOrdIdsPerDay: 0}\n", "engine.clOrdIdsPerDay: must be positive");
        assertRefused(MINIMAL + "engine: {outputJournalThread: shared}\n", "engine.outputJournalThread: 'shared' is not valid");
        assertRefused(MINIMAL + "engine: {maxOpenOrders: 0}\n", "engine.maxOpenOrders: must be positive");
        assertRefused(MINIMAL + "engine: {clOrdIdsPerDay: 600000000}\n", "engine.clOrdIdsPerDay: must be at most 500000000");
        assertRefused(MINIMAL + "rateLimits: {queriesPerSecond: 0}\n", "rateLimits.queriesPerSecond: must be positive");
        assertRefused(MINIMAL + "rateLimits: {streams: {sessionsPerKey: 0}}\n", "rateLimits.streams.sessionsPerKey: must be positive");
        assertRefused(MINIMAL + "fix: {resetOnLogon: maybe}\n", "fix.resetOnLogon: must be true or false");
        assertRefused(MINIMAL + "colour: blue\n", "colour: unknown setting");
        assertRefused(MINIMAL.replace("    apiKey: \"account-a-key-0123456789\"\n", "    apiKey: \"account-a-key-0123456789\"\n    fixCompId: RINGBOOK\n"),
                "accounts.A.fixCompId: 'RINGBOOK' must be");
        assertRefused(MINIMAL + "backup: {to: /b, keepWeekly: 4}\n", "backup.keepDaily: is required with keepWeekly");
        assertRefused(MINIMAL + "backup: {everyMinutes: 5}\n", "backup.to: is required");
        assertRefused(MINIMAL + "backup: {to: /b, dailyAt: \"25:00\"}\n", "backup.dailyAt: '25:00' is not valid");
        assertRefused(MINIMAL + "backup: {to: /b, keepDaily: 0}\n", "backup.keepDaily: must be at least 1");
        assertRefused(MINIMAL.replace("  A:\n", "  \"A B\":\n"), "accounts.A B: names are 1-32 letters");
        assertRefused("symbols: [TEST]\n", "symbols: must be a map of settings");
        assertRefused("symbols: {TEST: {tickSize: 1, lotSize: 1}\n", "not YAML or JSON");
    }

    @Test
    void shouldReadWhereTheOutputJournalRuns() throws IOException {
        assertEquals(OutputJournalThread.OWN, ProfileFile.read(write(MINIMAL + "engine: {outputJournalThread: own}\n"),
                Map.<String, String>of()::get).run().outputJournalThread());
        assertNull(ProfileFile.read(write(MINIMAL), Map.<String, String>of()::get).run().outputJournalThread(), "unset: chosen at start");
    }

    @Test
    void shouldLeaveWhatIsNotConfiguredOff() throws IOException {
        Profile profile = ProfileFile.read(write(MINIMAL), Map.<String, String>of()::get);
        ReferenceData data = profile.referenceData();
        assertEquals(AccountLimits.none(1), data.risk().accounts().get(0));
        assertEquals(AccountLimits.UNLIMITED, data.risk().symbols().get(0).priceBandBps());
        assertEquals(0, data.risk().rejectStorm().rejects());
        assertEquals(Runtime.getRuntime().maxMemory() / 2 / OpenOrderCap.BYTES_PER_OPEN_ORDER, data.risk().maxOpenOrders(),
                "but the venue's cap on open orders, which protects the heap");
        assertEquals(1_048_576, OpenOrderCap.fromHeap(2L << 30), "a 2 GiB heap");
        assertEquals(RunSettings.DEFAULTS, profile.run());
        assertTrue(ProfileFile.definesSymbols(ProfileFile.parse(write(MINIMAL), Map.<String, String>of()::get)));
        assertFalse(ProfileFile.definesSymbols(ProfileFile.parse(write("symbols: {TEST: {priceBandPct: 5}}\n"), Map.<String, String>of()::get)));
    }

    static final String MINIMAL = """
            symbols:
              TEST: {tickSize: "1", lotSize: "1"}
            accounts:
              A:
                apiKey: "account-a-key-0123456789"
            adminTokens: {admin: "admin-token-0123456789"}
            """;

    private void assertRefused(String yaml, String expected) {
        ConfigException refused = assertThrows(ConfigException.class, () -> ProfileFile.read(write(yaml), Map.<String, String>of()::get));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains("0123456789"), "credentials never appear in messages: " + refused.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "profile", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.RunSettings;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.journal.Recovery;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code ringbook start} prints once the engine runs: where every door listens, with
 * which credentials, where the data lives, what recovery did, what {@code --fresh} moved
 * aside and where backups go; the last line says how to stop. Printed as one block.
 */
final class StartBanner {

    private StartBanner() {
    }

    static String of(RunningEngine engine, PipelineConfig config, WaitStrategies waits, RunSettings run) {
        Profile profile = engine.profile();
        boolean demo = profile.name().equals("demo");
        String host = profile.listenAddress();
        StringBuilder out = new StringBuilder();
        line(out, "Ringbook " + RingbookCommand.version() + (demo ? ", demo profile" : ", profile " + profile.name()));
        line(out, "  engine    running: ring " + config.ringSize() + " slots, " + waits.describe()
                + ", clock tick " + config.clockTickMillis() + " ms");
        if (engine.warmedUp() != null) {
            line(out, "  warm-up   " + engine.warmedUp());
        }
        line(out, "  symbols   " + engine.referenceData().symbols().all().stream()
                .map(s -> s.name() + " (tick " + s.tickSize().toPlainString() + ", lot " + s.lotSize().toPlainString() + ")")
                .collect(Collectors.joining(", ")));
        line(out, "  accounts  " + String.join(", ", engine.referenceData().accounts().all()));
        if (engine.movedAside() != null) {
            line(out, "  fresh     the previous data was moved aside to " + engine.movedAside() + " (nothing was deleted)");
        }
        Recovery.Outcome recovery = engine.recovery();
        line(out, "  journal   " + engine.dataDir().resolve("journal") + " (durability " + kind(run.durability().name())
                + "; recovered to sequence " + recovery.lastSequence()
                + (recovery.snapshotSequence() > 0 ? " from the snapshot at " + recovery.snapshotSequence() : "")
                + " replaying " + recovery.commandsReplayed() + " commands in " + recovery.nanosTaken() / 1_000_000 + " ms)");
        recovery.unusableSnapshots().forEach(problem -> line(out, "  warning   unusable snapshot " + problem));
        recovery.tornTailsCut().forEach(cut -> line(out, "  warning   " + cut));
        if (recovery.quarantinedSkipped() > 0) {
            line(out, "  warning   " + recovery.quarantinedSkipped() + " quarantined command(s) skipped (journal --type QUARANTINE)");
        }
        if (recovery.outputSetAside() != null) {
            line(out, "  warning   " + recovery.outputSetAside());
        }
        if (!recovery.limitsChanged().isEmpty()) {
            line(out, "  limits    changed by the configuration since the last start, journaled as SET_LIMITS: "
                    + String.join(", ", recovery.limitsChanged()));
        }
        line(out, "  snapshots " + engine.dataDir().resolve("snapshots") + (config.snapshotIntervalMillis() > 0
                ? " (every " + config.snapshotIntervalMillis() / 1000 + " s)" : " (periodic snapshots off)"));
        line(out, "  REST      http://" + host + ":" + engine.restPort()
                + "/api/v1  (orders, account, book, symbols, time, WebSocket /api/v1/stream; "
                + (demo ? "keys t1-key..t4-key)" : "API keys of " + profile.name() + ")"));
        line(out, "  FIX 4.4   " + host + ":" + engine.fixPort() + "  (TargetCompID " + FixGateway.COMP_ID + ", SenderCompID "
                + senderCompIds(demo, profile.fix().senderCompIds()) + ", Password(554) " + (demo ? "t1-key..t4-key" : "fixPassword of "
                + profile.name()) + "; sequence numbers kept in " + engine.dataDir().resolve("fix") + ")");
        line(out, "  admin     http://" + host + ":" + engine.adminPort() + "  (GET /health; Authorization: Bearer "
                + (demo ? "viewer-token | operator-token | admin-token)" : "tokens of " + profile.name() + ")"));
        if (run.backup() != null) {
            line(out, "  backups   " + run.backup().describe());
        }
        line(out, "Stop with Ctrl-C (or: kill " + ProcessHandle.current().pid() + ").");
        return out.toString();
    }

    /** {@code T1..T4}, the account names, or the account names with the exceptions spelt out ({@code FUND2 logs on as FUND2-FIX}). */
    static String senderCompIds(boolean demo, Map<String, String> byAccount) {
        if (demo) {
            return "T1..T4";
        }
        if (byAccount.isEmpty()) {
            return "the account names";
        }
        return "the account names, but " + byAccount.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " logs on as " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String kind(String name) {
        return name.toLowerCase().replace('_', '-');
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.BackupPlan;
import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.ProfileFile;
import io.ringbook.app.profile.RunSettings;
import io.ringbook.engine.pipeline.CommandFailedException;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.journal.Durability;
import io.ringbook.journal.Recovery;
import io.ringbook.journal.backup.BackupRotation;
import io.ringbook.journal.codec.JournalFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code ringbook start}: runs the engine until the process is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the engine (the demo profile unless --config is given).")
final class StartCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file, YAML or JSON (docs/CONFIGURATION.md); without it, the demo profile.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Empty the data directory before starting.")
    boolean fresh;

    @Option(names = "--wait-strategy", paramLabel = "KIND",
            description = "How the business-logic thread waits: busy-spin, yielding, sleeping, parking, phased, blocking (default: blocking).")
    String waitStrategy;

    @Option(names = "--outbound-wait", paramLabel = "KIND",
            description = "How the outbound thread waits: the same kinds (default: blocking; docs/TUNING.md).")
    String outboundWait;

    @Option(names = "--snapshot-every", paramLabel = "SECONDS", description = "Take a snapshot this often, 0 for never (default: 600).")
    Long snapshotSeconds;

    @Option(names = "--rest-port", paramLabel = "PORT", description = "Port of the REST gateway (default: 8080).")
    Integer restPort;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Port of the admin API (default: 8081).")
    Integer adminPort;

    @Option(names = "--fix-port", paramLabel = "PORT", description = "Port of the FIX 4.4 acceptor (default: 9878).")
    Integer fixPort;

    @Option(names = "--durability", paramLabel = "LEVEL",
            description = "What a journaled batch survives before it is decided: process-crash or power-loss (default: process-crash).")
    String durability;

    @Option(names = "--disk-reserve-mb", paramLabel = "MB",
            description = "Free space the journal's disk keeps: below it new commands are refused, 503 \"disk nearly full\" (default: 256).")
    Long diskReserveMb;

    @Option(names = "--backup-to", paramLabel = "DEST", description = "Back up the journal to DEST while running (see --backup-every).")
    Path backupTo;

    @Option(names = "--backup-every", paramLabel = "MINUTES", description = "Minutes between the running engine's own backups to --backup-to (default: 60).")
    Long backupMinutes;

    @Option(names = "--backup-at", paramLabel = "HH:MM", description = "Back up once a day at this UTC time instead of every --backup-every minutes.")
    LocalTime backupAt;

    @Option(names = "--backup-keep-daily", paramLabel = "N",
            description = "Back up into one set per UTC day under --backup-to (DEST/daily/YYYY-MM-DD) and keep the newest N.")
    Integer keepDaily;

    @Option(names = "--backup-keep-weekly", paramLabel = "M",
            description = "With --backup-keep-daily: also keep the newest set of each of the newest M ISO weeks (default: 0).")
    Integer keepWeekly;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        Profile profile = withCommandLine(config == null ? DemoProfile.profile() : ProfileFile.read(config, System::getenv));
        RunSettings run = profile.run();
        PipelineConfig pipelineConfig = PipelineConfig.DEFAULTS.withWaitStrategy(run.waitStrategy()).withOutboundWait(run.outboundWait())
                .withSnapshotIntervalMillis(run.snapshotEverySeconds() * 1000);
        CountDownLatch stopped = new CountDownLatch(1);
        Path data = dataDir.toAbsolutePath().normalize();
        RunningEngine engine = startOrExplain(profile, data, pipelineConfig, run.durability());
        BackupSchedule backups = run.backup() == null ? null : new BackupSchedule(data, run.backup());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (backups != null) {
                backups.close();
            }
            engine.close();
            out.println("ringbook: stopped");
            stopped.countDown();
        }, "ringbook-shutdown"));
        printBanner(out, engine, pipelineConfig, run.durability());
        if (backups != null) {
            out.println("  backups   " + run.backup().describe());
        }
        stopped.await();
        return 0;
    }

    /** A journal recovery cannot replay is told in one line (exit 2), not as a stack trace. */
    private RunningEngine startOrExplain(Profile profile, Path data, PipelineConfig pipelineConfig, Durability durability) {
        try {
            return RunningEngine.start(profile, data, fresh, pipelineConfig, durability);
        } catch (JournalFormatException | CommandFailedException unrecoverable) {
            throw new ConfigException("cannot start on " + data + ": " + unrecoverable.getMessage());
        }
    }

    /** The profile with what the command line says in place of its settings. */
    private Profile withCommandLine(Profile profile) {
        BackupRotation rotation;
        try {
            rotation = BackupRotation.of(keepDaily, keepWeekly);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--backup-" + e.getMessage().replace("; keep-", "; --backup-keep-"));
        }
        Ports ports = profile.ports();
        RunSettings run = profile.run();
        return profile.withPorts(new Ports(restPort != null ? restPort : ports.rest(), adminPort != null ? adminPort : ports.admin(),
                        fixPort != null ? fixPort : ports.fix()))
                .withRun(new RunSettings(waitStrategy != null ? WaitStrategyKind.parse(waitStrategy) : run.waitStrategy(),
                        outboundWait != null ? WaitStrategyKind.parse(outboundWait) : run.outboundWait(),
                        snapshotSeconds != null ? snapshotSeconds : run.snapshotEverySeconds(),
                        durability != null ? Durability.parse(durability) : run.durability(), backupPlan(run.backup(), rotation),
                        diskReserveMb != null ? diskReserveMb : run.diskReserveMb()));
    }

    /** The file's backup plan with the command line's options in place of its settings; null for none. */
    private BackupPlan backupPlan(BackupPlan file, BackupRotation rotation) {
        Path to = backupTo != null ? backupTo : file == null ? null : file.to();
        if (to == null) {
            if (backupMinutes != null || backupAt != null || rotation != null) {
                throw new ConfigException("--backup-every, --backup-at and --backup-keep-* need --backup-to (or backup.to in the file)");
            }
            return null;
        }
        return new BackupPlan(to, backupMinutes != null ? backupMinutes : file == null ? BackupPlan.DEFAULT_MINUTES : file.everyMinutes(),
                backupAt != null ? backupAt : file == null ? null : file.dailyAt(),
                rotation != null ? rotation : file == null ? null : file.rotation());
    }

    private static void printBanner(PrintStream out, RunningEngine engine, PipelineConfig config, Durability level) {
        String symbols = engine.referenceData().symbols().all().stream()
                .map(s -> s.name() + " (tick " + s.tickSize().toPlainString() + ", lot " + s.lotSize().toPlainString() + ")")
                .collect(Collectors.joining(", "));
        Profile profile = engine.profile();
        boolean demo = profile.name().equals("demo");
        String host = profile.listenAddress();
        out.println("Ringbook " + RingbookCommand.version() + (demo ? ", demo profile" : ", profile " + profile.name()));
        out.println("  engine    running: ring " + config.ringSize() + " slots, wait strategy "
                + config.waitStrategy().name().toLowerCase().replace('_', '-') + " (outbound "
                + config.outboundWait().name().toLowerCase().replace('_', '-') + "), clock tick " + config.clockTickMillis() + " ms");
        out.println("  symbols   " + symbols);
        out.println("  accounts  " + String.join(", ", engine.referenceData().accounts().all()));
        Recovery.Outcome recovery = engine.recovery();
        out.println("  journal   " + engine.dataDir().resolve("journal") + " (durability "
                + level.name().toLowerCase().replace('_', '-') + "; recovered to sequence " + recovery.lastSequence()
                + (recovery.snapshotSequence() > 0 ? " from the snapshot at " + recovery.snapshotSequence() : "")
                + " replaying " + recovery.commandsReplayed() + " commands in " + recovery.nanosTaken() / 1_000_000 + " ms)");
        recovery.unusableSnapshots().forEach(problem -> out.println("  warning   unusable snapshot " + problem));
        recovery.tornTailsCut().forEach(cut -> out.println("  warning   " + cut));
        if (recovery.quarantinedSkipped() > 0) {
            out.println("  warning   " + recovery.quarantinedSkipped() + " quarantined command(s) skipped (journal --type QUARANTINE)");
        }
        if (recovery.outputSetAside() != null) {
            out.println("  warning   " + recovery.outputSetAside());
        }
        if (!recovery.limitsChanged().isEmpty()) {
            out.println("  limits    changed by the configuration since the last start, journaled as SET_LIMITS: "
                    + String.join(", ", recovery.limitsChanged()));
        }
        out.println("  snapshots " + engine.dataDir().resolve("snapshots") + (config.snapshotIntervalMillis() > 0
                ? " (every " + config.snapshotIntervalMillis() / 1000 + " s)" : " (periodic snapshots off)"));
        String accounts = demo ? "T1..T4" : profile.fix().senderCompIds().isEmpty() ? "the account names"
                : "the account names but " + profile.fix().senderCompIds();
        out.println("  REST      http://" + host + ":" + engine.restPort()
                + "/api/v1  (orders, account, book, symbols, time, WebSocket /api/v1/stream; "
                + (demo ? "keys t1-key..t4-key)" : "API keys of " + profile.name() + ")"));
        out.println("  FIX 4.4   " + host + ":" + engine.fixPort() + "  (TargetCompID " + FixGateway.COMP_ID + ", SenderCompID "
                + accounts + "; sequence numbers kept in " + engine.dataDir().resolve("fix") + ")");
        out.println("  admin     http://" + host + ":" + engine.adminPort() + "  (GET /health; Authorization: Bearer "
                + (demo ? "viewer-token | operator-token | admin-token)" : "tokens of " + profile.name() + ")"));
        out.println("Stop with Ctrl-C (or: kill " + ProcessHandle.current().pid() + ").");
    }
}

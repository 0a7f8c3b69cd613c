package io.ringbook.app;

import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.journal.Durability;
import io.ringbook.journal.Recovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code ringbook start}: runs the engine until the process is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the engine (the demo profile unless --config is given).")
final class StartCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (not supported yet: only the demo profile runs).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Empty the data directory before starting.")
    boolean fresh;

    @Option(names = "--wait-strategy", paramLabel = "KIND", defaultValue = "blocking",
            description = "How the business-logic thread waits: busy-spin, yielding, sleeping, parking, phased, blocking (default: ${DEFAULT-VALUE}).")
    String waitStrategy;

    @Option(names = "--snapshot-every", paramLabel = "SECONDS", defaultValue = "600",
            description = "Take a snapshot this often, 0 for never (default: ${DEFAULT-VALUE}).")
    long snapshotSeconds;

    @Option(names = "--rest-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the REST gateway on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port of the admin API on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--fix-port", paramLabel = "PORT", defaultValue = "9878",
            description = "Port of the FIX 4.4 acceptor on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int fixPort;

    @Option(names = "--durability", paramLabel = "LEVEL", defaultValue = "process-crash",
            description = "What a journaled batch survives before it is decided: process-crash or power-loss (default: ${DEFAULT-VALUE}).")
    String durability;

    @Option(names = "--backup-to", paramLabel = "DEST", description = "Back up the journal to DEST while running (see --backup-every).")
    Path backupTo;

    @Option(names = "--backup-every", paramLabel = "MINUTES", defaultValue = "60",
            description = "Minutes between the running engine's own backups to --backup-to (default: ${DEFAULT-VALUE}).")
    long backupMinutes;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        if (config != null) {
            System.err.println("ringbook: --config is not supported yet; run without it for the demo profile.");
            return 2;
        }
        PipelineConfig pipelineConfig = PipelineConfig.DEFAULTS.withWaitStrategy(WaitStrategyKind.parse(waitStrategy))
                .withSnapshotIntervalMillis(snapshotSeconds * 1000);
        CountDownLatch stopped = new CountDownLatch(1);
        Durability level = Durability.parse(durability);
        RunningEngine engine = RunningEngine.startDemo(dataDir.toAbsolutePath().normalize(), fresh, pipelineConfig, level,
                new Ports(restPort, adminPort, fixPort));
        BackupSchedule backups = backupTo == null ? null
                : new BackupSchedule(dataDir.toAbsolutePath().normalize(), backupTo.toAbsolutePath().normalize(), backupMinutes, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (backups != null) {
                backups.close();
            }
            engine.close();
            out.println("ringbook: stopped");
            stopped.countDown();
        }, "ringbook-shutdown"));
        printBanner(out, engine, pipelineConfig, level);
        if (backupTo != null) {
            out.println("  backups   " + backupTo.toAbsolutePath().normalize() + " every " + backupMinutes + " min (incremental, gzip)");
        }
        stopped.await();
        return 0;
    }

    private static void printBanner(PrintStream out, RunningEngine engine, PipelineConfig config, Durability level) {
        String symbols = engine.referenceData().symbols().all().stream()
                .map(s -> s.name() + " (tick " + s.tickSize().toPlainString() + ", lot " + s.lotSize().toPlainString() + ")")
                .collect(Collectors.joining(", "));
        out.println("Ringbook " + RingbookCommand.version() + ", demo profile");
        out.println("  engine    running: ring " + config.ringSize() + " slots, wait strategy "
                + config.waitStrategy().name().toLowerCase().replace('_', '-') + ", clock tick " + config.clockTickMillis() + " ms");
        out.println("  symbols   " + symbols);
        out.println("  accounts  " + String.join(", ", engine.referenceData().accounts().all()));
        Recovery.Outcome recovery = engine.recovery();
        out.println("  journal   " + engine.dataDir().resolve("journal") + " (durability "
                + level.name().toLowerCase().replace('_', '-') + "; recovered to sequence " + recovery.lastSequence()
                + (recovery.snapshotSequence() > 0 ? " from the snapshot at " + recovery.snapshotSequence() : "")
                + " replaying " + recovery.commandsReplayed() + " commands in " + recovery.nanosTaken() / 1_000_000 + " ms)");
        recovery.unusableSnapshots().forEach(problem -> out.println("  warning   unusable snapshot " + problem));
        out.println("  snapshots " + engine.dataDir().resolve("snapshots") + (config.snapshotIntervalMillis() > 0
                ? " (every " + config.snapshotIntervalMillis() / 1000 + " s)" : " (periodic snapshots off)"));
        out.println("  REST      http://" + RunningEngine.LOCALHOST + ":" + engine.restPort()
                + "/api/v1  (orders, account, book, symbols, time, WebSocket /api/v1/stream; keys t1-key..t4-key)");
        out.println("  FIX 4.4   " + RunningEngine.LOCALHOST + ":" + engine.fixPort()
                + "  (TargetCompID " + FixGateway.COMP_ID + ", SenderCompID T1..T4; sequence numbers kept in " + engine.dataDir().resolve("fix") + ")");
        out.println("  admin     http://" + RunningEngine.LOCALHOST + ":" + engine.adminPort()
                + "  (GET /health; Authorization: Bearer viewer-token | operator-token | admin-token)");
        out.println("Stop with Ctrl-C (or: kill " + ProcessHandle.current().pid() + ").");
    }
}

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
import io.ringbook.journal.ConfigurationMismatchException;
import io.ringbook.journal.Durability;
import io.ringbook.journal.backup.BackupRotation;
import io.ringbook.journal.codec.JournalFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ringbook start}: runs the engine until the process is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the engine (the demo profile unless --config is given).")
final class StartCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file, YAML or JSON (docs/CONFIGURATION.md); without it, the demo profile.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Start on an empty data directory: a used one is moved aside to DIR.old-<UTC time>, never deleted.")
    boolean fresh;

    @Option(names = "--wait-strategy", paramLabel = "KIND",
            description = "How the business-logic thread waits: busy-spin, yielding, sleeping, parking, phased, blocking "
                    + "(default: chosen from the cores, docs/TUNING.md).")
    String waitStrategy;

    @Option(names = "--outbound-wait", paramLabel = "KIND",
            description = "How the outbound thread waits: the same kinds (default: chosen from the cores, docs/TUNING.md).")
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
        AutoCloseable running = launch(out, Runtime.getRuntime().availableProcessors());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                out.println("ringbook: stopping failed: " + e);
            }
            out.println("ringbook: stopped");
            stopped.countDown();
        }, "ringbook-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Starts the engine as the profile and the command line say, with wait strategies not
     * configured chosen for {@code cores}, and prints the banner; closing the answer stops it.
     */
    AutoCloseable launch(PrintStream out, int cores) {
        Profile profile = withCommandLine(config == null ? DemoProfile.profile() : ProfileFile.read(config, System::getenv));
        RunSettings run = profile.run();
        WaitStrategies waits = WaitStrategies.choose(run.waitStrategy(), run.outboundWait(), cores);
        PipelineConfig pipelineConfig = waits.applyTo(PipelineConfig.DEFAULTS).withSnapshotIntervalMillis(run.snapshotEverySeconds() * 1000);
        Path data = dataDir.toAbsolutePath().normalize();
        AccessLogHold accessLog = AccessLogHold.begin();
        RunningEngine engine;
        try {
            engine = RunningEngine.start(profile, data, fresh, pipelineConfig, run.durability());
        } catch (RuntimeException failed) {
            accessLog.release();
            if (failed instanceof JournalFormatException || failed instanceof CommandFailedException) {
                throw new ConfigException("cannot start on " + data + ": " + failed.getMessage());
            }
            if (!(failed instanceof ConfigurationMismatchException mismatch)) {
                throw failed;
            }
            throw new CommandLineError(data + " was made under another configuration: " + String.join("; ", mismatch.differences())
                    + ". Start it with the configuration it was made with, or use a new directory (--data " + DataDirectory.unused(data)
                    + "), or --fresh to move this one aside");
        }
        BackupSchedule backups = run.backup() == null ? null : new BackupSchedule(data, run.backup());
        out.print(StartBanner.of(engine, pipelineConfig, waits, run));
        out.flush();
        accessLog.release();
        return () -> {
            if (backups != null) {
                backups.close();
            }
            engine.close();
        };
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
                        run.clOrdIdsPerDay(), diskReserveMb != null ? diskReserveMb : run.diskReserveMb()));
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
        if (!Files.isDirectory(to)) {
            throw new ConfigException("backup target " + to.toAbsolutePath().normalize() + " does not exist (or is not a directory): "
                    + "create or mount it, or choose another with --backup-to (backup.to in the file)");
        }
        return new BackupPlan(to, backupMinutes != null ? backupMinutes : file == null ? BackupPlan.DEFAULT_MINUTES : file.everyMinutes(),
                backupAt != null ? backupAt : file == null ? null : file.dailyAt(),
                rotation != null ? rotation : file == null ? null : file.rotation());
    }
}

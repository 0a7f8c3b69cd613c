package io.ringbook.app;

import io.ringbook.app.profile.BackupPlan;
import io.ringbook.app.profile.ConfigException;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.app.profile.RunSettings;
import io.ringbook.engine.pipeline.CommandFailedException;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.journal.ConfigurationMismatchException;
import io.ringbook.journal.Durability;
import io.ringbook.journal.codec.JournalFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ringbook start}: runs the engine until the process is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the engine (the demo profile unless --config is given).")
final class StartCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    DataDirOption dataDir = new DataDirOption("data");

    @Option(names = "--fresh", description = "Start on an empty data directory: a used one is moved aside to DIR.old-<UTC time>, never deleted.")
    boolean fresh;

    @Mixin
    WaitStrategyOptions waits;

    @Option(names = "--snapshot-every", paramLabel = "SECONDS", description = "Take a snapshot this often, 0 for never (default: 600).")
    Long snapshotSeconds;

    @Option(names = "--rest-port", paramLabel = "PORT", description = "Port of the REST gateway (default: 8080).")
    Integer restPort;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Port of the admin API (default: 8081).")
    Integer adminPort;

    @Option(names = "--fix-port", paramLabel = "PORT", description = "Port of the FIX 4.4 acceptor (default: 9878).")
    Integer fixPort;

    @Mixin
    DurabilityOption durability;

    @Option(names = "--disk-reserve-mb", paramLabel = "MB",
            description = "Free space the journal's disk keeps: below it new commands are refused, 503 \"disk nearly full\" (default: 256).")
    Long diskReserveMb;

    @Mixin
    BackupScheduleOptions backups;

    @Option(names = "--warm-up", paramLabel = "COMMANDS",
            description = "Before opening, trade this many synthetic commands through a scratch engine in a temporary directory, "
                    + "so the first client orders meet compiled code; 0 skips it (default: ${DEFAULT-VALUE}).")
    int warmUpCommands = DEFAULT_WARM_UP;

    /**
     * Enough for the JIT to compile the doors, the decision path, the journal and the
     * outbound side (1,000 REST and 1,000 FIX requests, then the ring's commands): 8-12 s
     * on this 2-vCPU machine.
     */
    static final int DEFAULT_WARM_UP = 200_000;

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
        Profile profile = withCommandLine(config.profile());
        RunSettings run = profile.run();
        WaitStrategies waits = WaitStrategies.choose(run.waitStrategy(), run.outboundWait(), run.outputJournalThread(), cores);
        PipelineConfig pipelineConfig = waits.applyTo(PipelineConfig.DEFAULTS).withSnapshotIntervalMillis(run.snapshotEverySeconds() * 1000);
        Path data = dataDir.path().toAbsolutePath().normalize();
        if (warmUpCommands < 0) {
            throw new CommandLineError("--warm-up must be 0 or more commands, not " + warmUpCommands);
        }
        AccessLogHold accessLog = AccessLogHold.begin();
        RunningEngine engine;
        try {
            engine = RunningEngine.startWarmedUp(profile, data, fresh, pipelineConfig, run.durability(), warmUpCommands);
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
        Ports ports = profile.ports();
        RunSettings run = profile.run();
        BackupPlan backup = backups.over(run.backup());
        WaitStrategyKind logic = waits.logic();
        WaitStrategyKind outbound = waits.outbound();
        Durability level = durability.durability();
        return profile.withPorts(new Ports(restPort != null ? restPort : ports.rest(), adminPort != null ? adminPort : ports.admin(),
                        fixPort != null ? fixPort : ports.fix()))
                .withRun(new RunSettings(logic != null ? logic : run.waitStrategy(), outbound != null ? outbound : run.outboundWait(),
                        snapshotSeconds != null ? snapshotSeconds : run.snapshotEverySeconds(),
                        level != null ? level : run.durability(), backup,
                        run.clOrdIdsPerDay(), diskReserveMb != null ? diskReserveMb : run.diskReserveMb(),
                        waits.outputJournalThread() != null ? waits.outputJournalThread() : run.outputJournalThread()));
    }
}

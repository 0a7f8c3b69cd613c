package io.ringbook.app;

import io.ringbook.admin.AdminApi;
import io.ringbook.app.profile.DemoProfile;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.rest.RestGateway;
import io.ringbook.journal.DiskReserve;
import io.ringbook.journal.DiskSpace;
import io.ringbook.journal.Durability;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalStatus;
import io.ringbook.views.ViewsSnapshots;
import io.ringbook.journal.OutputJournal;
import io.ringbook.journal.Recovery;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.journal.SnapshotWriter;
import io.ringbook.risk.OpenOrdersHealth;
import io.ringbook.risk.RiskBoard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The engine wired for one run: the journal of the data directory, recovery from it,
 * and the business logic it rebuilt, now live behind the pipeline with the journal as
 * its first stage. What {@code ./ringbook start} runs, and what integration tests start
 * in-process. When the constructor returns, recovery is complete; if a step of the start
 * fails, everything it had started is closed, the last first ({@link StartedParts}).
 */
final class RunningEngine implements AutoCloseable {

    private static final int INITIAL_ORDERS = 1 << 16;

    private final Profile profile;
    private final ReferenceData referenceData;
    private final RiskBoard riskBoard;
    private final Path dataDir;
    private final Journal journal;
    private final SnapshotWriter snapshots;
    private final Recovery.Outcome recovery;
    private final EnginePipeline pipeline;
    private final RestGateway rest;
    private final int restPort;
    private final AdminApi admin;
    private final int adminPort;
    private final FixGateway fix;
    private final DiskReserve diskReserve;
    private final ViewsSnapshots viewSnapshots;
    private final ReadModelsStart.Outcome readModels;
    private final String warmedUp;
    private Path movedAside;

    private RunningEngine(Profile profile, Path dataDir, PipelineConfig config, Durability durability, LogicFactory logicFactory,
                          Function<Path, DiskSpace> disks, Start start) {
        this.profile = profile;
        this.referenceData = profile.referenceData();
        String host = profile.listenAddress();
        Ports ports = profile.ports();
        this.riskBoard = new RiskBoard(referenceData.risk());
        this.dataDir = dataDir;
        EpochClock clock = EpochClock.system();
        StartedParts started = new StartedParts();
        try {
            this.rest = started.started(Doors.rest(profile, riskBoard));
            if (!start.logRequests()) {
                rest.withoutRequestLog();
            }
            this.admin = started.started(Doors.admin(profile, riskBoard, dataDir, clock, rest));
            this.adminPort = Doors.listen(() -> admin.start(host, ports.admin()), "admin API", host, ports.admin(), "--admin-port");
            this.restPort = Doors.listen(() -> rest.start(host, ports.rest()), "REST gateway", host, ports.rest(), "--rest-port");
            admin.orderGatewayAt(host, restPort);
            this.journal = started.started(Journal.open(dataDir, durability));
            rest.history(new JournalHistory(journal));
            SnapshotStore snapshotStore = new SnapshotStore(dataDir);
            this.snapshots = started.started(new SnapshotWriter(snapshotStore, journal, referenceData));
            this.viewSnapshots = started.started(new ViewsSnapshots(dataDir.resolve("views"), rest.readModels()));
            CompletableFuture<Long> viewsRestored = ReadModelsStart.restoreAside(journal, snapshotStore, viewSnapshots);
            this.recovery = Recovery.recover(journal, snapshotStore, referenceData, logicFactory.on(riskBoard));
            this.fix = started.started(Doors.fix(profile, dataDir, rest));
            this.readModels = ReadModelsStart.rebuild(journal, snapshotStore, viewSnapshots, rest.readModels(), viewsRestored,
                    Doors.readModels(rest, fix), fix.listeners());
            this.warmedUp = start.warmUpCommands() > 0 ? WarmUp.describe(profile, config, durability, start.warmUpCommands()) : null;
            InputJournal inputJournal = new InputJournal(journal, referenceData);
            OutputJournal outputJournal = new OutputJournal(journal);
            EnginePipeline.Builder builder = EnginePipeline.builder(sink -> {
                        recovery.sink().switchTo(sink);
                        return recovery.logic();
                    })
                    .config(config)
                    .journal(inputJournal)
                    .snapshots(snapshots)
                    .clock(clock)
                    .outputJournal(outputJournal)
                    .resumeAfter(recovery.lastSequence(), recovery.lastEventTimeNanos());
            Doors.listeners(rest, admin, fix).forEach(builder::listener);
            builder.listener(viewSnapshots);
            this.pipeline = started.started(builder.build().start());
            pipeline.publisher().amendsReducing(rest.readModels().orders()::onlyLowersQty);
            this.diskReserve = started.started(DiskReserve.watch(journal, disks.apply(journal.directory()),
                    profile.run().diskReserveMb() << 20, pipeline.publisher()));
            rest.open(pipeline.publisher());
            List<HealthComponent> components = new ArrayList<>(pipeline.health());
            components.add(rest.health());
            components.add(diskReserve.health());
            components.add(new OpenOrdersHealth(recovery.logic().orders().exposure(), riskBoard));
            Doors.listen(() -> {
                fix.start(pipeline.publisher());
                return fix.port();
            }, "FIX acceptor", host, ports.fix(), "--fix-port");
            components.add(fix.health());
            admin.engineReady(pipeline.publisher(), components, new JournalStatus(journal, inputJournal, outputJournal, snapshotStore));
        } catch (RuntimeException failed) {
            throw started.closeAfter(failed);
        }
    }

    /**
     * Starts {@code profile} on {@code dataDir}, emptying it first if {@code fresh}. Both
     * HTTP APIs listen from the start and answer 503 (not ready) until recovery is done.
     */
    static RunningEngine start(Profile profile, Path dataDir, boolean fresh, PipelineConfig config, Durability durability) {
        return startOnDisk(profile, dataDir, fresh, config, durability, DiskSpace::of);
    }

    /** The same on a disk whose free space {@code disks} gives for the journal's directory (tests: a disk that fills). */
    static RunningEngine startOnDisk(Profile profile, Path dataDir, boolean fresh, PipelineConfig config, Durability durability,
                                     Function<Path, DiskSpace> disks) {
        return start(profile, dataDir, fresh, config, durability, live(profile), disks, Start.PLAIN);
    }

    /**
     * As {@link #start(Profile, Path, boolean, PipelineConfig, Durability)}, with a warm-up of
     * {@code warmUpCommands} ({@link WarmUp}; 0: none) after recovery, before the pipeline
     * starts and the doors take orders ({@code ./ringbook start}).
     */
    static RunningEngine startWarmedUp(Profile profile, Path dataDir, boolean fresh, PipelineConfig config, Durability durability,
                                       int warmUpCommands) {
        return start(profile, dataDir, fresh, config, durability, live(profile), DiskSpace::of, Start.warmedUp(warmUpCommands));
    }

    /** The warm-up's scratch engine: as a start without a warm-up, its REST door writing no access-log lines. */
    static RunningEngine startScratch(Profile profile, Path dataDir, PipelineConfig config, Durability durability) {
        return start(profile, dataDir, false, config, durability, live(profile), DiskSpace::of, Start.SCRATCH);
    }

    /**
     * How a start differs from a plain one: a warm-up first ({@code warmUpCommands} of it),
     * or a scratch engine's REST door writing no access-log lines.
     */
    private record Start(int warmUpCommands, boolean logRequests) {
        static final Start PLAIN = new Start(0, true);
        static final Start SCRATCH = new Start(0, false);

        static Start warmedUp(int commands) {
            return new Start(commands, true);
        }
    }

    private static LogicFactory live(Profile profile) {
        return board -> EngineLogic.live(board, INITIAL_ORDERS, profile.run().clOrdIdsPerDay());
    }

    /** The same with another business logic (tests: one made to fail on a command). */
    static RunningEngine start(Profile profile, Path dataDir, boolean fresh, PipelineConfig config, Durability durability,
                               LogicFactory logicFactory) {
        return start(profile, dataDir, fresh, config, durability, logicFactory, DiskSpace::of, Start.PLAIN);
    }

    private static RunningEngine start(Profile profile, Path dataDir, boolean fresh, PipelineConfig config, Durability durability,
                                       LogicFactory logicFactory, Function<Path, DiskSpace> disks, Start start) {
        Path aside = prepare(dataDir, fresh);
        RunningEngine engine = new RunningEngine(profile, dataDir, config, durability, logicFactory, disks, start);
        engine.movedAside = aside;
        return engine;
    }

    /** What the start's warm-up did (or why it was skipped), or null without one. */
    String warmedUp() {
        return warmedUp;
    }

    /** Where {@code --fresh} moved the data directory's previous content, or null. */
    Path movedAside() {
        return movedAside;
    }

    /** Builds the engine's logic factory on the risk board the doors read. */
    interface LogicFactory {
        BiFunction<ReferenceData, EventSink, BusinessLogic> on(RiskBoard board);
    }

    /** Starts the demo profile, listening on {@code ports}. */
    static RunningEngine startDemo(Path dataDir, boolean fresh, PipelineConfig config, Durability durability, Ports ports) {
        return start(DemoProfile.profile().withPorts(ports), dataDir, fresh, config, durability);
    }

    Profile profile() {
        return profile;
    }

    int restPort() {
        return restPort;
    }

    int adminPort() {
        return adminPort;
    }

    int fixPort() {
        return fix.port();
    }

    List<String> adminRoutes() {
        return admin.routes();
    }

    List<String> restRoutes() {
        return rest.routes();
    }

    ReferenceData referenceData() {
        return referenceData;
    }

    Path dataDir() {
        return dataDir;
    }

    Recovery.Outcome recovery() {
        return recovery;
    }

    EnginePipeline pipeline() {
        return pipeline;
    }

    /** How the start rebuilt the read models: from which read-model snapshot (0: none), with how many events, in how long. */
    ReadModelsStart.Outcome readModels() {
        return readModels;
    }

    SnapshotWriter snapshots() {
        return snapshots;
    }

    /**
     * Takes a snapshot now, as the admin API's {@code POST /admin/v1/snapshot} will: a
     * journaled SNAPSHOT command; completes with its sequence (the snapshot's id and
     * journal position) once decided. The file follows on the snapshot thread.
     */
    CompletableFuture<Long> snapshotNow() {
        return pipeline.publisher().submit(Command::snapshot).thenApply(events -> events.get(0).sequence);
    }

    /**
     * Shuts down in the order that loses no answer: the pipeline first refuses new
     * commands (the doors answer them 503 or reject them), decides every command it has
     * taken and delivers their events to the doors' listeners while the doors are still
     * open (answers go out, FIX reports are sent and stored for resend); only then do the
     * doors close, then the snapshot thread and the journal.
     */
    @Override
    public void close() {
        RuntimeException failed = StartedParts.closeEach(
                List.of(pipeline, diskReserve, fix, rest, admin, viewSnapshots, snapshots, journal), null);
        if (failed != null) {
            throw failed;
        }
    }

    /** Moves a used data directory aside if {@code fresh}, and returns where (null: nothing moved); makes sure it exists. */
    private static Path prepare(Path dataDir, boolean fresh) {
        Path aside = fresh ? DataDirectory.moveAside(dataDir, Instant.now()) : null;
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data directory " + dataDir, e);
        }
        return aside;
    }
}

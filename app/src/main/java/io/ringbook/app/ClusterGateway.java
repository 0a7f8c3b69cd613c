package io.ringbook.app;

import io.ringbook.admin.AdminApi;
import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.cluster.ClusterClient;
import io.ringbook.cluster.ClusterHealth;
import io.ringbook.cluster.ClusterOutputs;
import io.ringbook.cluster.GatewayJournal;
import io.ringbook.cluster.LogicService;
import io.ringbook.cluster.ClusterStatus;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.rest.RestGateway;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalStatus;
import io.ringbook.journal.OutputEvents;
import io.ringbook.journal.OutputJournal;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskBoardFeed;

import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The doors (REST and WebSocket, FIX, admin) of cluster mode: the same gateways as the
 * single-process engine, their commands forwarded to the cluster by a {@link ClusterClient}
 * and their read models, the risk state they show (a {@link RiskBoardFeed}) and the
 * gateway's own audit journal (commands as the cluster sequenced them, and events: a
 * {@link GatewayJournal}), fed from the cluster's egress. What {@code ./ringbook cluster gateway} runs.
 */
final class ClusterGateway implements AutoCloseable {

    private final ClusterClient client;
    private final RestGateway rest;
    private final AdminApi admin;
    private final FixGateway fix;
    private final Journal journal;
    private final int restPort;
    private final int adminPort;

    ClusterGateway(Profile profile, ClusterSection cluster, Path dataDir) {
        ReferenceData data = profile.referenceData();
        String host = profile.listenAddress();
        Ports ports = profile.ports();
        EpochClock clock = EpochClock.system();
        RiskBoard riskBoard = new RiskBoard(data.risk());
        StartedParts started = new StartedParts();
        try {
            this.rest = started.started(Doors.rest(profile, riskBoard));
            this.admin = started.started(Doors.admin(profile, riskBoard, dataDir, clock, rest));
            this.fix = started.started(Doors.fix(profile, dataDir, rest));
            this.journal = started.started(Journal.open(dataDir, profile.run().durability()));
            OutputJournal audit = new OutputJournal(journal);
            GatewayJournal gatewayJournal = new GatewayJournal(journal, data, audit);
            GatewayJournal.Held held = gatewayJournal.open();
            RiskBoardFeed riskFeed = new RiskBoardFeed(riskBoard);
            List<EngineListener> readModels = new ArrayList<>(List.of(riskFeed));
            readModels.addAll(Doors.readModels(rest, fix));
            OutputEvents.replay(journal, readModels);
            List<EngineListener> listeners = new ArrayList<>(List.of(riskFeed));
            listeners.addAll(Doors.listeners(rest, admin, fix));
            this.client = started.started(ClusterClient.start(new ClusterClient.Settings(cluster.topology(), dataDir.resolve("aeron"),
                    cluster.gatewayHost(), TimeUnit.MILLISECONDS.toNanos(cluster.clockTickMillis()), TimeUnit.SECONDS.toNanos(5),
                    LogicService.fingerprint(data)),
                    new Fanout(gatewayJournal, listeners), held.frames()));
            CommandPublisher publisher = CommandPublisher.forwardingTo(client, clock);
            this.adminPort = Doors.listen(() -> admin.start(host, ports.admin()), "admin API", host, ports.admin(), "--config's ports");
            this.restPort = Doors.listen(() -> rest.start(host, ports.rest()), "REST gateway", host, ports.rest(), "--config's ports");
            admin.orderGatewayAt(host, restPort);
            rest.history(new JournalHistory(journal));
            rest.open(publisher);
            Doors.listen(() -> {
                fix.start(publisher);
                return fix.port();
            }, "FIX acceptor", host, ports.fix(), "--config's ports");
            admin.clusterMode(new ClusterStatus(client, cluster.nodeDataDirs())::report);
            List<HealthComponent> components = List.of(rest.health(), fix.health(), ClusterHealth.of(client));
            admin.engineReady(publisher, components,
                    new JournalStatus(journal, gatewayJournal.input(), audit, new SnapshotStore(dataDir)));
        } catch (RuntimeException failed) {
            throw started.closeAfter(failed);
        }
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

    ClusterClient client() {
        return client;
    }

    /** Stops the doors first, then the client (whose agent flushes the journal), then the journal. */
    @Override
    public void close() {
        admin.close();
        rest.close();
        fix.close();
        client.close();
        journal.close();
    }

    /** Every input record to the journal, every event to the journal (first) and every reader, on the client's agent thread. */
    private record Fanout(GatewayJournal journal, List<EngineListener> listeners) implements ClusterOutputs {
        @Override
        public void onInput(DirectBuffer record, int offset, int length) {
            journal.onInput(record, offset, length);
        }

        @Override
        public void onEvent(EngineEvent event) {
            journal.onEvent(event);
            for (EngineListener listener : listeners) {
                listener.onEvent(event);
            }
        }

        @Override
        public void onEndOfBatch() {
            journal.onEndOfBatch();
            for (EngineListener listener : listeners) {
                listener.onEndOfBatch();
            }
        }
    }
}

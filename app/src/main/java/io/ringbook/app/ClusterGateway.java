package io.ringbook.app;

import io.ringbook.admin.AdminApi;
import io.ringbook.app.profile.ClusterSection;
import io.ringbook.app.profile.Ports;
import io.ringbook.app.profile.Profile;
import io.ringbook.cluster.ClusterClient;
import io.ringbook.cluster.ClusterStatus;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.rest.RestGateway;
import io.ringbook.journal.InputJournal;
import io.ringbook.journal.Journal;
import io.ringbook.journal.JournalStatus;
import io.ringbook.journal.OutputEvents;
import io.ringbook.journal.OutputJournal;
import io.ringbook.journal.SnapshotStore;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskBoardFeed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The doors (REST and WebSocket, FIX, admin) of cluster mode: the same gateways as the
 * single-process engine, their commands forwarded to the cluster by a {@link ClusterClient}
 * and their read models, the risk state they show (a {@link RiskBoardFeed}) and the
 * gateway's own audit journal (output events), fed from the cluster's egress. What {@code ./ringbook cluster gateway} runs.
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
        this.rest = new RestGateway(data, profile.credentials().gatewayKeys(), profile.rateLimits(), riskBoard);
        this.admin = new AdminApi(data, profile.credentials().adminKeys(), riskBoard, dataDir, clock, rest.readModels());
        this.fix = new FixGateway(data, host, ports.fix(), dataDir.resolve("fix"), profile.fix(), profile.credentials().fixLogons());
        this.journal = Journal.open(dataDir, profile.run().durability());
        OutputJournal audit = new OutputJournal(journal);
        RiskBoardFeed riskFeed = new RiskBoardFeed(riskBoard);
        List<EngineListener> readModels = new ArrayList<>(List.of(riskFeed));
        readModels.addAll(rest.listeners());
        readModels.addAll(fix.listeners());
        OutputEvents.replay(journal, readModels);
        List<EngineListener> listeners = new ArrayList<>(List.of(audit, riskFeed));
        listeners.addAll(rest.listeners());
        listeners.addAll(admin.listeners());
        listeners.addAll(fix.listeners());
        this.client = ClusterClient.start(new ClusterClient.Settings(cluster.topology(), dataDir.resolve("aeron"), cluster.gatewayHost(),
                TimeUnit.MILLISECONDS.toNanos(cluster.clockTickMillis()), TimeUnit.SECONDS.toNanos(5)), new Fanout(listeners));
        CommandPublisher publisher = CommandPublisher.forwardingTo(client, clock);
        this.adminPort = admin.start(host, ports.admin());
        this.restPort = rest.start(host, ports.rest());
        admin.orderGatewayAt(host, restPort);
        rest.history(listener -> OutputEvents.replay(journal, List.of(listener)));
        rest.open(publisher);
        fix.start(publisher);
        admin.clusterMode(new ClusterStatus(client, cluster.nodeDataDirs())::report);
        List<HealthComponent> components = List.of(rest.health(), fix.health());
        admin.engineReady(publisher, components,
                new JournalStatus(journal, new InputJournal(journal), audit, new SnapshotStore(dataDir)));
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

    @Override
    public void close() {
        admin.close();
        rest.close();
        fix.close();
        client.close();
        journal.close();
    }

    /** Every egress event to every reader, on the client's agent thread. */
    private record Fanout(List<EngineListener> listeners) implements EngineListener {
        @Override
        public void onEvent(EngineEvent event) {
            for (EngineListener listener : listeners) {
                listener.onEvent(event);
            }
        }

        @Override
        public void onEndOfBatch() {
            for (EngineListener listener : listeners) {
                listener.onEndOfBatch();
            }
        }
    }
}

package io.ringbook.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.event.ListenerSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.ConfigCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The engine's business logic (risk, matching, positions) as an Aeron Cluster service:
 * every node runs it on the same committed log, so every node holds the same state.
 * A session message is one command in the journal's record format; its event time is the
 * log's timestamp (cluster time in nanoseconds, never earlier than the previous
 * command's), its sequence the count of commands decided. Each event goes back by egress
 * to every connected gateway, tagged with the session that sent the command; on
 * followers the offers are mocked, so every node runs exactly the same code.
 * Time-driven behaviour needs no cluster timer: gateways send CLOCK_TICK commands into
 * the log, as the single-process engine's timer does into its ring (docs/CLUSTER.md).
 */
public final class LogicService implements ClusteredService {

    private final ReferenceData data;
    private final int initialOrders;
    private final int configCrc;
    private final Command command = new Command();
    private final StateBuffer state = new StateBuffer(1 << 20);
    private final ExpandableArrayBuffer egress = new ExpandableArrayBuffer(512);
    private final CRC32C eventCrc = new CRC32C();
    private final Consumer<ClientSession> sendToSession = this::sendTo;
    private final AtomicReference<CompletableFuture<NodeState>> inspection = new AtomicReference<>();
    /** Flags the last event of each command, as the single-process engine's outbound ring does. */
    private final EventSink sink = new ListenerSink(this::send);
    private Cluster cluster;
    private BusinessLogic logic;
    private long sequence;
    private long lastEventTimeNanos;
    private long outputDigest;
    private long originSessionId;
    private int egressLength;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile long decided;
    private volatile long restoredSequence = -1;
    private volatile int snapshotsTaken;

    /** @param initialOrders orders pooled up front, as for the single-process engine */
    public LogicService(ReferenceData data, int initialOrders) {
        this.data = data;
        this.initialOrders = initialOrders;
        ExpandableArrayBuffer config = new ExpandableArrayBuffer(4096);
        int length = ConfigCodec.encode(data, 0, 0, config, 0);
        CRC32C crc = new CRC32C();
        crc.update(config.byteArray(), 0, length);
        this.configCrc = (int) crc.getValue();
    }

    /** The business logic as the single-process engine builds it, with its own risk board. */
    static BusinessLogic newLogic(ReferenceData data, EventSink sink, int initialOrders) {
        return new BusinessLogic(data.symbols(), data.accounts().size(), RiskEngine.factory(data.risk(), new RiskBoard(data.risk())),
                sink, initialOrders);
    }

    @Override
    public void onStart(Cluster cluster, Image snapshotImage) {
        this.cluster = cluster;
        this.logic = newLogic(data, sink, initialOrders);
        if (snapshotImage != null) {
            ServiceSnapshot.Counters counters = ServiceSnapshot.read(snapshotImage, cluster.idleStrategy(), state);
            if (counters.configCrc() != configCrc) {
                throw new IllegalStateException("the snapshot was taken with other reference data; start every node "
                        + "with the same configuration");
            }
            logic.restoreState(state);
            sequence = counters.sequence();
            lastEventTimeNanos = counters.lastEventTimeNanos();
            outputDigest = counters.outputDigest();
            decided = sequence;
            restoredSequence = sequence;
        }
    }

    @Override
    public void onSessionOpen(ClientSession session, long timestamp) {
    }

    @Override
    public void onSessionClose(ClientSession session, long timestamp, CloseReason closeReason) {
    }

    @Override
    public void onSessionMessage(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length, Header header) {
        if (!readable(buffer, offset, length)) {
            return;
        }
        command.sequence = ++sequence;
        lastEventTimeNanos = Math.max(lastEventTimeNanos, timestamp);
        command.eventTimeNanos = lastEventTimeNanos;
        originSessionId = session == null ? 0 : session.id();
        logic.process(command);
        decided = sequence;
        if (command.type == CommandType.SNAPSHOT && role == Cluster.Role.LEADER) {
            requestClusterSnapshot();
        }
    }

    /**
     * Decodes the message into {@link #command}; false if it is no command record of this
     * version. Such a message is skipped by every node alike (an exception here would stop
     * the service on every node at once): a client that is not a Ringbook gateway, or a
     * gateway of another version, changes nothing.
     */
    private boolean readable(DirectBuffer buffer, int offset, int length) {
        if (length < RecordHeader.LENGTH || RecordHeader.length(buffer, offset) != length) {
            return false;
        }
        try {
            CommandCodec.decode(buffer, offset, command);
            return true;
        } catch (RuntimeException unreadable) { // JournalFormatException, or a field out of range
            return false;
        }
    }

    /**
     * A SNAPSHOT command (the operator's {@code POST /admin/v1/snapshot}) makes the leader
     * ask its consensus module for a snapshot, which every node then takes at the same log
     * position. Only the leader asks, so one command yields one snapshot; if another
     * request is still pending the command is decided all the same and no snapshot follows.
     */
    private void requestClusterSnapshot() {
        AtomicCounter toggle = ClusterControl.findControlToggle(cluster.aeron().countersReader(), cluster.context().clusterId());
        if (toggle != null) {
            ClusterControl.ToggleState.SNAPSHOT.toggle(toggle);
        }
    }

    @Override
    public void onTimerEvent(long correlationId, long timestamp) {
    }

    @Override
    public void onTakeSnapshot(ExclusivePublication snapshotPublication) {
        logic.writeState(state.clear());
        ServiceSnapshot.write(snapshotPublication, cluster.idleStrategy(),
                new ServiceSnapshot.Counters(configCrc, outputDigest, sequence, lastEventTimeNanos), state);
        snapshotsTaken++;
    }

    @Override
    public void onRoleChange(Cluster.Role newRole) {
        role = newRole;
    }

    @Override
    public void onTerminate(Cluster cluster) {
    }

    /** Answers a pending {@link #inspect()} here, on the service's thread, between two commands. */
    @Override
    public int doBackgroundWork(long nowNs) {
        CompletableFuture<NodeState> pending = inspection.getAndSet(null);
        if (pending == null || logic == null) {
            if (pending != null) {
                inspection.set(pending);
            }
            return 0;
        }
        logic.writeState(state.clear());
        pending.complete(new NodeState(sequence, lastEventTimeNanos, outputDigest,
                Arrays.copyOf(state.array(), state.length())));
        return 1;
    }

    /** This node's state at its next command boundary (for operators and tests; allocates). */
    public CompletableFuture<NodeState> inspect() {
        CompletableFuture<NodeState> answer = new CompletableFuture<>();
        CompletableFuture<NodeState> earlier = inspection.getAndSet(answer);
        if (earlier != null) {
            answer.whenComplete((state, failure) -> earlier.complete(state));
        }
        return answer;
    }

    /** The role this node last took. */
    public Cluster.Role role() {
        return role;
    }

    /** The sequence of the snapshot this node started from, -1 if it started from the log alone. */
    public long restoredSequence() {
        return restoredSequence;
    }

    /** Snapshots this node has written since it started. */
    public int snapshotsTaken() {
        return snapshotsTaken;
    }

    /** How many commands this node has decided. */
    public long decided() {
        return decided;
    }

    private void send(EngineEvent event) {
        EgressFrame.putOrigin(egress, originSessionId);
        egressLength = EgressFrame.EVENT_OFFSET + EventCodec.encode(event, egress, EgressFrame.EVENT_OFFSET);
        eventCrc.reset();
        eventCrc.update(egress.byteArray(), EgressFrame.EVENT_OFFSET, egressLength - EgressFrame.EVENT_OFFSET);
        outputDigest = OutputDigest.next(outputDigest, eventCrc.getValue());
        cluster.forEachClientSession(sendToSession);
    }

    /**
     * Offers the current event to one session, retrying while it is back-pressured; a
     * session that stays unable to take it loses it (its gateway then times out and the
     * client resends, which the clOrdId index makes harmless). Followers' offers are mocked.
     */
    private void sendTo(ClientSession session) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long result = session.offer(egress, 0, egressLength);
            if (result > 0 || result == ClientSession.MOCKED_OFFER || result == io.aeron.Publication.NOT_CONNECTED
                    || result == io.aeron.Publication.CLOSED) {
                return;
            }
            cluster.idleStrategy().idle();
        }
    }

}

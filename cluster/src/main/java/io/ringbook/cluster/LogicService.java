package io.ringbook.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.state.StateBuffer;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.QuarantineCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import io.ringbook.risk.RiskBoard;
import io.ringbook.risk.RiskEngine;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The engine's business logic (risk, matching, positions) as an Aeron Cluster service:
 * every node runs it on the same committed log, so every node holds the same state.
 * A session message is one command in the journal's record format, or a batch of them
 * ({@link IngressMessages}); each command's event time is the log's timestamp of its
 * message (cluster time in nanoseconds, never earlier than the previous command's), its
 * sequence the count of commands decided. The command as decided and then each of its
 * events go back by egress to every connected gateway as numbered frames
 * ({@link EgressFrame}), those of one log message gathered into as few egress messages
 * as {@value #EGRESS_BATCH_BYTES} bytes each allow, so a gateway journals inputs and
 * outputs as the single-process engine does; the newest frames are kept ({@link EgressHistory}) for a
 * gateway that missed some. On followers the offers are mocked, so every node runs
 * exactly the same code. Time-driven behaviour needs no cluster timer: gateways send
 * CLOCK_TICK commands into the log, as the single-process engine's timer does into its
 * ring (docs/CLUSTER.md).
 * <p>
 * A command the logic throws on (a poison command) is quarantined on every node alike,
 * as the same code meets the same command everywhere: its partial events are dropped, a
 * QUARANTINE record takes their place in the egress, and the node goes on with the next
 * command. The log's first configuration fingerprint fixes the cluster's configuration:
 * a node with another one stops deciding and says so ({@link #refusal()}).
 */
public final class LogicService implements ClusteredService {

    /** Egress frames every node keeps for resends (docs/CLUSTER.md). */
    static final int HISTORY_FRAMES = 16_384;
    /** Frames one resend request is answered with at most; the gateway asks again for the rest. */
    static final int RESEND_LIMIT = 1_024;
    /** An egress message carries frames up to this many bytes: one datagram, which the gateway's client need not reassemble. */
    static final int EGRESS_BATCH_BYTES = Channels.ONE_DATAGRAM;

    /** A command the logic failed on, and why. */
    public record Quarantine(long sequence, CommandType type, String reason) {
    }

    private final ReferenceData data;
    private final BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory;
    private final long snapshotIntervalNanos;
    private final ConfigurationFingerprint configuration;
    private final int fingerprint;
    private final Command command = new Command();
    private final StateBuffer state = new StateBuffer(1 << 20);
    /**
     * The frames of the current log message: those sent already, the egress message being
     * gathered (from {@link #unsent}: its header, then its frames' records), and the current
     * command's records, each encoded once, in place, and numbered only when its command is
     * decided whole.
     */
    private final ExpandableArrayBuffer egress = new ExpandableArrayBuffer(2 * EGRESS_BATCH_BYTES);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[IngressMessages.RESEND_LENGTH]);
    /**
     * The command record being decided, exactly its bytes: a record shorter than its
     * fields fails to decode (the buffer's bounds check) alike on every node, instead of
     * reading bytes after it, which need not be the same on every node.
     */
    private final UnsafeBuffer received = new UnsafeBuffer(new byte[0]);
    private final EgressHistory history = new EgressHistory(HISTORY_FRAMES);
    private final CRC32C eventCrc = new CRC32C();
    private final Consumer<ClientSession> sendToSession = session -> sendTo(session, this.sendFrom, this.sendUntil - this.sendFrom);
    private final AtomicReference<CompletableFuture<NodeState>> inspection = new AtomicReference<>();
    private final CompletableFuture<String> refused = new CompletableFuture<>();
    /**
     * Encodes each event of the current command as a frame's record as it comes; the last
     * one is flagged as such when the command ends (the flag is one bit of the record).
     */
    private final EventSink sink = new EventSink() {
        @Override
        public void onEvent(io.ringbook.engine.event.EngineEvent event) {
            lastEvent = egressLength;
            egressLength += EventCodec.encode(event, egress, egressLength);
        }

        @Override
        public void onCommandEnd(long sequence) {
            if (lastEvent >= 0) {
                EventCodec.markLastOfCommand(egress, lastEvent);
                lastEvent = -1;
            }
        }
    };
    private Cluster cluster;
    private BusinessLogic logic;
    private long sequence;
    private long lastEventTimeNanos;
    private long outputDigest;
    private long originSessionId;
    /** Where the egress message being gathered starts (its header), and where the records end. */
    private int unsent;
    private int egressLength = EgressFrame.RECORDS;
    /** The part of {@link #egress} being sent to every connected gateway. */
    private int sendFrom;
    private int sendUntil;
    /** Where the record of the current command's latest event is, -1 if it has none yet. */
    private int lastEvent = -1;
    private boolean fingerprintSeen;
    private boolean fingerprintOffered;
    private long nextSnapshotNanos;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile long decided;
    private volatile long restoredSequence = -1;
    private volatile int snapshotsTaken;
    private volatile long quarantined;
    private volatile int largestBatch;
    private volatile Quarantine lastQuarantine;

    /** @param initialOrders orders pooled up front, as for the single-process engine; the clOrdId index sized for as many */
    public LogicService(ReferenceData data, int initialOrders) {
        this(data, initialOrders, initialOrders, 0);
    }

    /**
     * @param clOrdIdsPerDay        clOrdIds a trading day is expected to use: the logic's day index is sized for them, as the
     *                              single-process engine's is from the profile's {@code engine.clOrdIdsPerDay}
     * @param snapshotIntervalNanos how often the leader has the cluster take a snapshot (0: only when asked)
     */
    public LogicService(ReferenceData data, int initialOrders, int clOrdIdsPerDay, long snapshotIntervalNanos) {
        this(data, (reference, sink) -> newLogic(reference, sink, initialOrders, clOrdIdsPerDay), snapshotIntervalNanos);
    }

    /** With another business logic (tests: one made to fail on a command). */
    LogicService(ReferenceData data, BiFunction<ReferenceData, EventSink, BusinessLogic> logicFactory, long snapshotIntervalNanos) {
        this.data = data;
        this.logicFactory = logicFactory;
        this.snapshotIntervalNanos = snapshotIntervalNanos;
        this.configuration = new ConfigurationFingerprint(data);
        this.fingerprint = configuration.current();
    }

    /** The business logic as the single-process engine builds it, with its own risk board. */
    static BusinessLogic newLogic(ReferenceData data, EventSink sink, int initialOrders, int clOrdIdsPerDay) {
        return new BusinessLogic(data.symbols(), data.accounts().size(), RiskEngine.factory(data.risk(), new RiskBoard(data.risk())),
                sink, initialOrders, clOrdIdsPerDay);
    }

    /** The configuration fingerprint of {@code data} ({@link ConfigurationFingerprint}): a gateway's must be its nodes'. */
    public static int fingerprint(ReferenceData data) {
        return ConfigurationFingerprint.of(data);
    }

    @Override
    public void onStart(Cluster cluster, Image snapshotImage) {
        this.cluster = cluster;
        this.logic = logicFactory.apply(data, sink);
        if (snapshotImage != null) {
            ServiceSnapshot.Counters counters = ServiceSnapshot.read(snapshotImage, cluster.idleStrategy(), state);
            String mismatch = configuration.mismatch(counters.configCrc(), "its snapshot");
            if (mismatch != null) {
                refuse(mismatch);
                return;
            }
            logic.restoreState(state);
            sequence = counters.sequence();
            lastEventTimeNanos = counters.lastEventTimeNanos();
            outputDigest = counters.outputDigest();
            history.startAfter(counters.frames());
            fingerprintSeen = true;
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
        if (refused.isDone()) {
            return;
        }
        offerFingerprint();
        if (IngressMessages.isFingerprint(buffer, offset, length)) {
            checkFingerprint(IngressMessages.fingerprintValue(buffer, offset));
        } else if (IngressMessages.isResend(buffer, offset, length)) {
            if (session != null) {
                resend(session, IngressMessages.resendStart(buffer, offset));
            }
        } else if (IngressMessages.isBatch(buffer, offset, length)) {
            decideBatch(session, timestamp, buffer, offset, length, false);
        } else if (IngressMessages.isWholeRecordsBatch(buffer, offset, length)) {
            decideBatch(session, timestamp, buffer, offset, length, true);
        } else if (length >= RecordHeader.LENGTH && RecordHeader.length(buffer, offset) == length) {
            decideWholeRecord(session, timestamp, buffer, offset, length);
        }
        flush();
    }

    /**
     * Decides the batch's commands in order, each as if it had come alone with the
     * message's timestamp. A record that does not fit the message ends it (every node
     * stops at the same place); one that is no command of this version is skipped.
     * {@code wholeRecords}: an earlier build's batch, whose records are the journal's whole.
     */
    private void decideBatch(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length, boolean wholeRecords) {
        int end = offset + length;
        int shortest = wholeRecords ? RecordHeader.LENGTH : IngressMessages.SHORTEST_RECORD;
        int count = 0;
        for (int at = offset + IngressMessages.BATCH_RECORDS; at + shortest <= end; ) {
            int recordLength = wholeRecords ? RecordHeader.length(buffer, at) : IngressMessages.recordLength(buffer, at);
            if (recordLength < shortest || at + recordLength > end) {
                break;
            }
            boolean decided;
            if (wholeRecords) {
                decided = decideWholeRecord(session, timestamp, buffer, at, recordLength);
            } else {
                keepOnlyUnsent();
                IngressMessages.unpack(buffer, at, recordLength, sequence + 1, eventTime(timestamp), egress, egressLength);
                decided = decide(session);
            }
            if (decided) {
                count++;
            }
            at += recordLength;
        }
        if (count > largestBatch) {
            largestBatch = count;
        }
    }

    /** Decides a whole journal record (a lone command, or one of an earlier build's batch), stamped as the log says. */
    private boolean decideWholeRecord(ClientSession session, long timestamp, DirectBuffer buffer, int offset, int length) {
        keepOnlyUnsent();
        egress.putBytes(egressLength, buffer, offset, length);
        RecordHeader.stamp(egress, egressLength, sequence + 1, eventTime(timestamp));
        return decide(session);
    }

    /** A command's event time: the log's timestamp of its message, never earlier than the previous command's. */
    private long eventTime(long timestamp) {
        return Math.max(lastEventTimeNanos, timestamp);
    }

    /**
     * Decides the command whose journal record, stamped with the next sequence and its
     * event time, was just written at the end of {@link #egress}: it stays there as the
     * command's first frame (the gateway journals it as the single-process engine's input
     * journal holds it), so it is never encoded again. False if the record is no command
     * record of this version ({@link #received}): such a record is skipped by every node
     * alike (an exception here would stop the service on every node at once), so a client
     * that is not a Ringbook gateway, or a gateway of another version, changes nothing.
     */
    private boolean decide(ClientSession session) {
        int commandRecords = egressLength;
        try {
            received.wrap(egress, commandRecords, RecordHeader.length(egress, commandRecords));
            CommandCodec.decode(received, 0, command);
        } catch (RuntimeException unreadable) { // JournalFormatException, a field out of range, or out of the record's bytes
            return false;
        }
        sequence = command.sequence;
        lastEventTimeNanos = command.eventTimeNanos;
        originSessionId = session == null ? 0 : session.id();
        egressLength += RecordHeader.length(egress, commandRecords);
        int commandEnd = egressLength;
        lastEvent = -1;
        try {
            logic.process(command);
        } catch (RuntimeException failure) {
            egressLength = commandEnd;
            quarantine(failure);
        }
        publish(commandRecords);
        decided = sequence;
        if (command.type == CommandType.SNAPSHOT && role == Cluster.Role.LEADER) {
            requestClusterSnapshot();
        }
        return true;
    }

    /**
     * The logic threw on the command: the same happens on every node, so every node drops
     * the command's events alike and sends a QUARANTINE record instead (a gateway journals
     * it, so a replay of its journal skips the command as recovery skips an operator's
     * quarantine). The logic's state is what the failure left, equal on every node.
     */
    private void quarantine(RuntimeException failure) {
        lastEvent = -1;
        String reason = "the logic failed (cluster quarantine): " + failure.toString().strip();
        while (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > QuarantineCodec.MAX_REASON_BYTES) {
            reason = reason.substring(0, reason.length() - 1);
        }
        egressLength += QuarantineCodec.encode(sequence, lastEventTimeNanos, sequence, RecordType.of(command.type), reason,
                egress, egressLength);
        lastQuarantine = new Quarantine(sequence, command.type, reason);
        quarantined++;
    }

    /** Moves the egress message being gathered to the buffer's start: it holds that message and a command's records. */
    private void keepOnlyUnsent() {
        if (unsent > 0) {
            egress.putBytes(0, egress, unsent, egressLength - unsent);
            egressLength -= unsent;
            unsent = 0;
        }
    }

    /**
     * Numbers and keeps the frames of the command just decided (its records from
     * {@code commandRecords} on), folds its events into the output digest, and sends the
     * egress message gathered so far when the next frame would make it longer than
     * {@value #EGRESS_BATCH_BYTES} bytes (the rest go at the end of the log message,
     * {@link #flush}). A message's frames share its header ({@link EgressFrame}): one log
     * message's commands come from one session, and their frames' numbers run on.
     */
    private void publish(int commandRecords) {
        for (int record = commandRecords; record < egressLength; ) {
            int end = record + RecordHeader.length(egress, record);
            long number = history.newest() + 1;
            if (record == unsent + EgressFrame.RECORDS) {
                EgressFrame.putHeader(egress, unsent, originSessionId, number);
            } else if (end - unsent > EGRESS_BATCH_BYTES) {
                sendToAll(unsent, record);
                unsent = record - EgressFrame.RECORDS; // over records sent and kept already
                EgressFrame.putHeader(egress, unsent, originSessionId, number);
            }
            if (RecordHeader.type(egress, record).isEvent()) {
                eventCrc.reset();
                eventCrc.update(egress.byteArray(), record, end - record);
                outputDigest = OutputDigest.next(outputDigest, eventCrc.getValue());
            }
            history.add(originSessionId, egress, record, end - record);
            record = end;
        }
    }

    /** Sends the frames gathered so far to every connected gateway: the end of a log message. */
    private void flush() {
        if (egressLength > unsent + EgressFrame.RECORDS) {
            sendToAll(unsent, egressLength);
        }
        unsent = 0;
        egressLength = EgressFrame.RECORDS;
    }

    /** Sends the egress message from {@code from} to {@code until} to every connected gateway. */
    private void sendToAll(int from, int until) {
        sendFrom = from;
        sendUntil = until;
        cluster.forEachClientSession(sendToSession);
    }

    /**
     * Sends the frames from {@code from} on to the gateway that asked, after a notice of
     * which follow: at most {@value #RESEND_LIMIT}, several to a message, none older than the history keeps (the
     * notice then starts later, and the gateway knows what it lacks); the notice carries
     * this node's configuration fingerprint for the gateway to check. A gateway ahead of
     * this node's numbers (its journal is of another cluster) is told the next number.
     */
    private void resend(ClientSession session, long from) {
        long newest = history.newest();
        long first = from > newest + 1 ? newest + 1 : Math.max(from, history.oldest());
        long last = Math.min(newest, first + RESEND_LIMIT - 1);
        if (!sendTo(session, 0, EgressFrame.putNotice(egress, fingerprint, first, last, newest))) {
            return;
        }
        int length = 0;
        long origin = 0;
        for (long number = first; number <= last; number++) {
            if (length > 0 && (history.origin(number) != origin || length + history.length(number) > EGRESS_BATCH_BYTES)) {
                if (!sendTo(session, 0, length)) {
                    return;
                }
                length = 0;
            }
            if (length == 0) {
                origin = history.origin(number);
                EgressFrame.putHeader(egress, 0, origin, number);
                length = EgressFrame.RECORDS;
            }
            length += history.copy(number, egress, length);
        }
        if (length > 0) {
            sendTo(session, 0, length);
        }
    }

    /**
     * Once per run, before the log holds a fingerprint, each node offers its own from a
     * log callback (only the leader's reaches the log; the followers' are dropped when it
     * does, as Aeron does with service messages).
     */
    private void offerFingerprint() {
        if (fingerprintSeen || fingerprintOffered || cluster == null) {
            return;
        }
        int length = IngressMessages.fingerprint(message, fingerprint);
        fingerprintOffered = cluster.offer(message, 0, length) > 0;
    }

    private void checkFingerprint(int logged) {
        if (fingerprintSeen) {
            return;
        }
        fingerprintSeen = true;
        String mismatch = configuration.mismatch(logged, "the cluster's log");
        if (mismatch != null) {
            refuse(mismatch);
        }
    }

    private void refuse(String why) {
        refused.complete(why);
    }

    /**
     * A SNAPSHOT command (the operator's {@code POST /admin/v1/snapshot}) or the snapshot
     * interval makes the leader ask its consensus module for a snapshot, which every node
     * then takes at the same log position. Only the leader asks; if another request is
     * still pending nothing more happens.
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
                new ServiceSnapshot.Counters(fingerprint, outputDigest, sequence, lastEventTimeNanos, history.newest()), state);
        snapshotsTaken++;
    }

    @Override
    public void onRoleChange(Cluster.Role newRole) {
        role = newRole;
        nextSnapshotNanos = 0;
    }

    @Override
    public void onTerminate(Cluster cluster) {
    }

    /**
     * Answers a pending {@link #inspect()} here, on the service's thread, between two
     * commands; on the leader, asks for the periodic snapshot when it is due.
     */
    @Override
    public int doBackgroundWork(long nowNs) {
        int work = periodicSnapshot(nowNs);
        CompletableFuture<NodeState> pending = inspection.getAndSet(null);
        if (pending == null || logic == null) {
            if (pending != null) {
                inspection.set(pending);
            }
            return work;
        }
        logic.writeState(state.clear());
        pending.complete(new NodeState(sequence, lastEventTimeNanos, outputDigest,
                Arrays.copyOf(state.array(), state.length()), logic.clOrdIdIndexSplits()));
        return work + 1;
    }

    private int periodicSnapshot(long nowNs) {
        if (snapshotIntervalNanos <= 0 || role != Cluster.Role.LEADER || refused.isDone()) {
            return 0;
        }
        if (nextSnapshotNanos == 0) {
            nextSnapshotNanos = nowNs + snapshotIntervalNanos;
        } else if (nowNs - nextSnapshotNanos >= 0) {
            nextSnapshotNanos = nowNs + snapshotIntervalNanos;
            requestClusterSnapshot();
            return 1;
        }
        return 0;
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

    /** The most commands one log message (a gateway's batch) carried on this node since it started. */
    public int largestBatch() {
        return largestBatch;
    }

    /** How many commands this node has decided. */
    public long decided() {
        return decided;
    }

    /** Commands the logic failed on since this node started (each skipped alike on every node). */
    public long quarantined() {
        return quarantined;
    }

    /** The last command the logic failed on, or null. */
    public Quarantine lastQuarantine() {
        return lastQuarantine;
    }

    /**
     * Completes, with the reason in one line, when this node refuses to go on: its
     * configuration differs from the one the cluster's log or its snapshot was made with.
     * It then decides nothing more; the node's process should stop.
     */
    public CompletableFuture<String> refusal() {
        return refused;
    }

    /**
     * Offers the current frame to one session, retrying while it is back-pressured; false
     * if the session stays unable to take it (its gateway finds the gap in the numbers and
     * asks for a resend). Followers' offers are mocked. The retries start again from the
     * idle strategy's first, shortest waits: the service's strategy is reset only between
     * duty cycles, and one duty cycle decides many log messages, so without the reset each
     * back-pressured offer after the first few slept for up to a millisecond, the whole
     * log waiting behind it (docs/CLUSTER.md, "Figures").
     */
    private boolean sendTo(ClientSession session, int offset, int length) {
        cluster.idleStrategy().reset();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long result = session.offer(egress, offset, length);
            if (result > 0 || result == ClientSession.MOCKED_OFFER) {
                return true;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED) {
                return false;
            }
            cluster.idleStrategy().idle();
        }
        return false;
    }
}

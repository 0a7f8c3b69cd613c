package io.ringbook.cluster;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.Header;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.CommandTooLongException;
import io.ringbook.engine.pipeline.EngineBusyException;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.EventCodec;
import io.ringbook.journal.codec.QuarantineCodec;
import io.ringbook.journal.codec.RecordHeader;
import io.ringbook.journal.codec.RecordType;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The doors' way into the cluster: an Aeron Cluster client owned by one agent thread
 * (the client is not thread-safe), fed by any number of request threads through a queue.
 * {@link #submit} answers as the single-process engine's publisher does, with all events
 * of the command once the cluster has committed and decided it. While there is no leader
 * (connecting, or an election) it refuses at once with {@link EngineBusyException}, which
 * the HTTP doors answer 503 {@code UNAVAILABLE} with {@code Retry-After}; requests in
 * flight when the leader changes are refused the same way, and a resend with the same
 * clOrdId is harmless because the clOrdId index is part of the replicated state.
 * <p>
 * Commands nobody waits for ({@link #tryPublishAt}: FIX orders, cancel-on-disconnect) are
 * never dropped once taken: they are kept, in order, until the cluster's egress shows them
 * decided, and offered again to the next leader if it does not; the queue is bounded
 * ({@value #MAX_UNCONFIRMED}), and a full one refuses at once (false), which the FIX door
 * answers with a reject. Clock ticks are not kept: the next one makes up for a lost one.
 * What the doors have queued is offered as batches ({@link IngressMessages}: one ingress
 * message, one log entry, decided command by command on every node), which is what lets
 * the cluster keep up with a burst.
 * <p>
 * The egress frames are numbered ({@link EgressFrame}); the client applies each once, in
 * order, and on every connection or new leader first asks for the frames after the last
 * it applied, so read models and the journal miss nothing a fallen leader decided but did
 * not send. Only once it has caught up does it send again, so that a command a fallen
 * leader did commit is never sent twice. Every frame reaches the {@link ClusterOutputs}
 * (decoded or not, as its {@link ClusterOutputs#decodesEvents} asks).
 */
public final class ClusterClient implements CommandPublisher.Forwarder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterClient.class);
    /** Commands offered per duty cycle at most, so that egress is polled between bursts. */
    private static final int SEND_LIMIT = 1024;
    /**
     * A batch of commands (one ingress message, one log entry) is at most this long, so
     * that it travels in one datagram on the ingress and on the log to each follower,
     * none of them reassembling it (a batch of up to 8 KiB and a command, earlier, spilled
     * a few bytes into a second datagram). Only a command longer than this (a SET_LIMITS
     * of very many symbols) makes a longer batch, alone.
     */
    static final int BATCH_BYTES = Channels.ONE_DATAGRAM;
    /**
     * The longest command record the client takes (a SET_LIMITS of about 2,000 symbols):
     * far within the longest message of the ingress and the log (an eighth of their 1 MiB
     * terms) and of the egress, and short enough that its LIMITS_CHANGED event, a little
     * longer, stays within a journal record's 16-bit length. A longer command is refused
     * before it is queued ({@link CommandTooLongException}, HTTP 413): offering it would
     * throw on the client's agent thread and stop the client.
     */
    public static final int LONGEST_COMMAND = 32 * 1024;
    /**
     * Commands nobody waits for that may be taken but not yet seen decided: in a burst they
     * are the cluster's whole pipeline (the queue, the ingress, the log up to the commit,
     * the egress back), so enough to fill the channels' windows ({@link Channels}); with
     * 8,192 the burst ran with this queue full and the windows part empty.
     */
    public static final int MAX_UNCONFIRMED = 32_768;
    private static final long RESEND_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * @param aeronDir          the client's own media-driver directory
     * @param host              the address the nodes send egress to
     * @param tickIntervalNanos how often a CLOCK_TICK is sent into the log (0: never)
     * @param requestTimeoutNanos after this a request still unanswered fails with {@link TimeoutException}
     * @param fingerprint       the gateway's configuration fingerprint ({@link LogicService#fingerprint}), which must be the cluster's
     */
    public record Settings(ClusterTopology topology, Path aeronDir, String host, long tickIntervalNanos,
                           long requestTimeoutNanos, int fingerprint) {
    }

    private record Request(Command command, CompletableFuture<List<EngineEvent>> outcome) {
    }

    private static final class Pending {
        final CompletableFuture<List<EngineEvent>> outcome;
        final long deadlineNanos;
        final List<EngineEvent> events = new ArrayList<>(2);

        Pending(CompletableFuture<List<EngineEvent>> outcome, long deadlineNanos) {
            this.outcome = outcome;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private final Settings settings;
    private final ClusterOutputs outputs;
    private final ManyToOneConcurrentArrayQueue<Request> requests = new ManyToOneConcurrentArrayQueue<>(65_536);
    private final Long2ObjectHashMap<Pending> pending = new Long2ObjectHashMap<>();
    /** Commands nobody waits for, taken and not yet seen decided. */
    private final KeptCommands unconfirmed = new KeptCommands();
    private final AtomicInteger taken = new AtomicInteger();
    private final LongHashSet sessions = new LongHashSet();
    private final ExpandableArrayBuffer ingress = new ExpandableArrayBuffer(CommandCodec.MAX_LENGTH);
    /** The batch being offered: commands taken from {@link #unconfirmed} or the queue, offered as one message. */
    private final ExpandableArrayBuffer batch = new ExpandableArrayBuffer(BATCH_BYTES + CommandCodec.MAX_LENGTH);
    /** The awaited requests of the batch; they wait for their events once the batch is in. */
    private final List<Request> batchAwaited = new ArrayList<>();
    private int batchLength;
    private int batchKept;
    private final EngineEvent event = new EngineEvent();
    /** The correlation id of the command whose frame came last, if it was this client's, else 0. */
    private long echoed;
    private final Command tick = new Command();
    private final EpochClock clock = EpochClock.system();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletableFuture<String> refused = new CompletableFuture<>();
    private boolean configurationChecked;
    private final Thread agent;
    private volatile boolean running = true;
    private volatile int leaderMemberId = -1;
    private volatile long leadershipTermId = -1;
    private volatile long lastApplied;
    private volatile long framesMissed;
    private volatile long quarantines;
    private volatile String lastQuarantine;
    private MediaDriver driver;
    private Aeron aeron;
    private AeronCluster cluster;
    private AeronCluster.AsyncConnect connecting;
    private boolean synced;
    private long resendAskedAt;
    private long resendLast = -1;
    private long resendNewest = -1;
    private long correlations;
    private long nextTickNanos;
    private long nextKeepAliveNanos;
    private long nextConnectNanos;
    private long nextExpiryNanos;

    private ClusterClient(Settings settings, ClusterOutputs outputs, long lastApplied) {
        this.settings = settings;
        this.outputs = outputs;
        this.lastApplied = lastApplied;
        this.agent = new Thread(this::run, "ringbook-cluster-client");
        this.agent.setDaemon(true);
    }

    /** Starts the agent thread, which connects and reconnects on its own; events only, from the cluster's first frame. */
    public static ClusterClient start(Settings settings, EngineListener listener) {
        return start(settings, ClusterOutputs.eventsTo(listener), 0);
    }

    /**
     * Starts the agent thread, which connects and reconnects on its own.
     *
     * @param lastApplied the number of the last egress frame the outputs already hold (a restarted gateway's journal)
     */
    public static ClusterClient start(Settings settings, ClusterOutputs outputs, long lastApplied) {
        ClusterClient client = new ClusterClient(settings, outputs, lastApplied);
        client.driver = MediaDriver.launch(ClusterNode.sharedDriver(settings.aeronDir().toString()));
        client.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(settings.aeronDir().toString()));
        client.agent.start();
        return client;
    }

    /** Sends a command and answers with all its events once decided; see the class comment for refusals. */
    @Override
    public CompletableFuture<List<EngineEvent>> submit(CommandPublisher.CommandWriter writer) {
        CompletableFuture<List<EngineEvent>> outcome = new CompletableFuture<>();
        Command command = command(clock.epochNanos(), writer);
        String tooLong = tooLong(command);
        if (tooLong != null) {
            outcome.completeExceptionally(new CommandTooLongException(tooLong));
        } else if (leaderMemberId < 0) {
            outcome.completeExceptionally(noLeader());
        } else if (!requests.offer(new Request(command, outcome))) {
            outcome.completeExceptionally(new EngineBusyException("the cluster client's queue is full"));
        }
        return outcome;
    }

    /**
     * Takes a command nobody waits for, to be delivered once decided by whichever leader
     * there is (now or after an election); false, at once, if {@value #MAX_UNCONFIRMED}
     * such commands are already waiting or the client is closing, or if the command is
     * longer than {@value #LONGEST_COMMAND} bytes (logged: it can never be sent).
     */
    @Override
    public boolean tryPublishAt(long ingressNanos, CommandPublisher.CommandWriter writer) {
        Command command = command(ingressNanos, writer);
        String tooLong = tooLong(command);
        if (tooLong != null) {
            LOG.error("a command refused: {}", tooLong);
            return false;
        }
        if (!running || taken.incrementAndGet() > MAX_UNCONFIRMED) {
            taken.decrementAndGet();
            return false;
        }
        if (!requests.offer(new Request(command, null))) {
            taken.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The leader's member id, or -1 while there is none (connecting, or an election). */
    public int leaderMemberId() {
        return leaderMemberId;
    }

    /** The leadership term the client last heard of, -1 before the first. */
    public long leadershipTermId() {
        return leadershipTermId;
    }

    /** The number of the last egress frame applied to the outputs. */
    public long lastApplied() {
        return lastApplied;
    }

    /** Egress frames the cluster no longer had when this client asked for them (its outputs lack them). */
    public long framesMissed() {
        return framesMissed;
    }

    /** Commands the cluster's logic failed on (quarantined on every node) seen by this client, and the last one's record. */
    public long quarantines() {
        return quarantines;
    }

    /** The last quarantined command as {@code "sequence TYPE: reason"}, or null. */
    public String lastQuarantine() {
        return lastQuarantine;
    }

    /**
     * Completes, with the reason in one line, when the client refuses the cluster: its
     * nodes run another configuration than this gateway's (their fingerprint, sent with
     * every resend notice, differs). The client then applies nothing of the cluster's
     * outputs, sends nothing more and stops; the gateway's process should stop.
     */
    public CompletableFuture<String> refusal() {
        return refused;
    }

    /** Commands taken by {@link #tryPublishAt} and not yet seen decided. */
    public int unconfirmed() {
        return taken.get();
    }

    private static Command command(long ingressNanos, CommandPublisher.CommandWriter writer) {
        Command command = new Command().clear();
        writer.write(command);
        if (command.type == null) {
            throw new IllegalArgumentException("a command needs a type");
        }
        command.ingressNanos = ingressNanos;
        return command;
    }

    /**
     * Why the command is too long to send, or null: only a SET_LIMITS can be longer than
     * {@link CommandCodec#MAX_LENGTH}, so only its record is measured (on the caller's thread).
     */
    private static String tooLong(Command command) {
        if (command.type != CommandType.SET_LIMITS) {
            return null;
        }
        int length = CommandCodec.encode(command, new ExpandableArrayBuffer(CommandCodec.MAX_LENGTH), 0);
        return length <= LONGEST_COMMAND ? null : String.format("the account's limits over %d symbols make a command of %,d bytes, "
                + "more than the %,d a cluster gateway sends to its nodes", command.limits.maxOrderQty().symbols(), length, LONGEST_COMMAND);
    }

    private void run() {
        IdleStrategy idle = ClusterNode.backoff();
        try {
            while (running) {
                idle.idle(doWork(System.nanoTime()));
            }
        } catch (RuntimeException | Error e) {
            LOG.error("the cluster client stopped", e);
        } finally {
            leaderMemberId = -1;
            CloseHelper.quietClose(cluster);
            CloseHelper.quietClose(connecting);
            stopAll(new EngineBusyException("the cluster client stopped"));
            stopped.countDown();
        }
    }

    private int doWork(long now) {
        int work = 0;
        if (cluster == null) {
            work += connect(now);
        }
        if (cluster == null) {
            work += takeWithoutLeader();
        } else {
            int polled = cluster.pollEgress();
            if (polled > 0) {
                endOfBatch();
            }
            work += polled;
            if (cluster.isClosed()) {
                lost("the cluster closed the session");
                return work;
            }
            if (synced) {
                work += sendBatches(now);
            } else if (resendAskedAt == 0 || now - resendAskedAt > RESEND_RETRY_NANOS) {
                askResend(now);
            }
            work += keepAliveAndTick(now);
        }
        expire(now);
        return work;
    }

    private int connect(long now) {
        if (now < nextConnectNanos) {
            return 0;
        }
        try {
            if (connecting == null) {
                connecting = AeronCluster.asyncConnect(new AeronCluster.Context()
                        .aeron(aeron)
                        .ownsAeronClient(false)
                        .ingressChannel(Channels.INGRESS)
                        .ingressEndpoints(settings.topology().ingressEndpoints())
                        .egressChannel(Channels.egress(settings.host()))
                        .egressListener(new Egress())
                        .messageTimeoutNs(TimeUnit.SECONDS.toNanos(5)));
            }
            AeronCluster connected = connecting.poll();
            if (connected == null) {
                return 0;
            }
            connecting = null;
            cluster = connected;
            sessions.add(connected.clusterSessionId());
            leadershipTermId = connected.leadershipTermId();
            leaderMemberId = connected.leaderMemberId();
            nextTickNanos = now;
            resync();
            LOG.info("connected to the cluster: leader {}, term {}", leaderMemberId, leadershipTermId);
            return 1;
        } catch (RuntimeException notYet) {
            CloseHelper.quietClose(connecting);
            connecting = null;
            nextConnectNanos = now + TimeUnit.MILLISECONDS.toNanos(200);
            LOG.debug("no cluster yet: {}", notYet.toString());
            return 0;
        }
    }

    /** A new session or leader: nothing is sent until the frames after the last applied one have come. */
    private void resync() {
        dropBatch(new EngineBusyException("the cluster changed leader; resend with the same clOrdId"));
        synced = false;
        resendAskedAt = 0;
        resendLast = -1;
        unconfirmed.newLeader();
    }

    private void askResend(long now) {
        int length = IngressMessages.resendFrom(ingress, lastApplied + 1);
        if (cluster.offer(ingress, 0, length) > 0) {
            resendAskedAt = now;
        }
    }

    /** While there is no leader: awaited requests are refused at once, the others kept for the next leader, in order. */
    private int takeWithoutLeader() {
        int work = 0;
        Request request;
        while (work < SEND_LIMIT && (request = requests.poll()) != null) {
            if (request.outcome() == null) {
                request.command().correlationId = ++correlations;
                unconfirmed.keep(request.command());
            } else {
                request.outcome().completeExceptionally(noLeader());
            }
            work++;
        }
        return work;
    }

    /**
     * Offers batches of commands to the leader, up to {@value #SEND_LIMIT} commands a
     * cycle: first the kept commands this leader has not had yet, in order, then the
     * doors' requests, in order. A back-pressured batch is offered again, unchanged, on
     * the next cycle (after egress has been polled).
     */
    private int sendBatches(long now) {
        int work = 0;
        while (work < SEND_LIMIT) {
            if (batchLength == 0 && !stageBatch()) {
                return work;
            }
            long result = cluster.offer(batch, 0, batchLength);
            if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION) {
                return work;
            }
            work += batchKept + batchAwaited.size();
            if (result > 0) {
                unconfirmed.offered(batchKept);
                for (Request request : batchAwaited) {
                    pending.put(request.command().correlationId, new Pending(request.outcome(), now + settings.requestTimeoutNanos()));
                }
                batchAwaited.clear();
                batchLength = 0;
                batchKept = 0;
            } else {
                dropBatch(noLeader());
            }
        }
        return work;
    }

    /**
     * Gathers the next batch: the kept commands not yet offered to this leader, then, if
     * they all fit, the doors' requests, up to {@value #BATCH_BYTES} bytes. False if there
     * is nothing to send.
     */
    private boolean stageBatch() {
        int length = IngressMessages.startBatch(batch);
        Iterator<Command> kept = unconfirmed.notOffered();
        boolean full = false;
        while (kept.hasNext() && !full) {
            int encoded = append(kept.next(), length);
            full = encoded == 0;
            length += encoded;
            batchKept += full ? 0 : 1;
        }
        Request request;
        while (!kept.hasNext() && !full && (request = requests.peek()) != null) {
            Command command = request.command();
            command.correlationId = correlations + 1;
            int encoded = append(command, length);
            if (encoded == 0) {
                break; // it goes first in the next batch
            }
            requests.poll();
            correlations++;
            length += encoded;
            if (request.outcome() == null) {
                unconfirmed.keep(command);
                batchKept++;
            } else {
                batchAwaited.add(request);
            }
        }
        batchLength = length > IngressMessages.BATCH_RECORDS ? length : 0;
        return batchLength > 0;
    }

    /** Appends the command to the batch's first {@code length} bytes; its bytes, or 0 if the batch cannot take it. */
    private int append(Command command, int length) {
        return IngressMessages.append(command, batch, length, BATCH_BYTES, ingress);
    }

    /**
     * Forgets the batch not (or not surely) taken by the leader: its awaited requests are
     * refused (the caller resends with the same clOrdId), its kept commands stay kept and
     * go to the next leader.
     */
    private void dropBatch(RuntimeException why) {
        for (Request request : batchAwaited) {
            request.outcome().completeExceptionally(why);
        }
        batchAwaited.clear();
        batchLength = 0;
        batchKept = 0;
    }

    /** Offers a clock tick alone; a lost one is made up for by the next. */
    private void offerTick(Command command) {
        int length = CommandCodec.encode(command, ingress, 0);
        cluster.offer(ingress, 0, length);
    }

    private int keepAliveAndTick(long now) {
        int work = 0;
        if (now >= nextKeepAliveNanos) {
            cluster.sendKeepAlive();
            nextKeepAliveNanos = now + TimeUnit.SECONDS.toNanos(1);
            work++;
        }
        if (synced && settings.tickIntervalNanos() > 0 && now >= nextTickNanos) {
            tick.clockTick().ingressNanos = clock.epochNanos();
            offerTick(tick);
            nextTickNanos = now + settings.tickIntervalNanos();
            work++;
        }
        return work;
    }

    /** Fails requests past their deadline; looks at most ten times a second, as a deadline need not be exact. */
    private void expire(long now) {
        if (pending.isEmpty() || now < nextExpiryNanos) {
            return;
        }
        nextExpiryNanos = now + TimeUnit.MILLISECONDS.toNanos(100);
        Long2ObjectHashMap<Pending>.EntryIterator entries = pending.entrySet().iterator();
        while (entries.hasNext()) {
            entries.next();
            Pending waiting = entries.getValue();
            if (now - waiting.deadlineNanos >= 0) {
                entries.remove();
                waiting.outcome.completeExceptionally(new TimeoutException("the cluster did not answer in time"));
            }
        }
    }

    /**
     * A failing reader of the outputs (a read model, the benchmark's recorder) is logged
     * and skipped, as one failing on an event is: it must not stop the agent thread, which
     * serves every caller and every other reader.
     */
    private void commandDone(long ingressNanos) {
        try {
            outputs.onCommandDone(ingressNanos);
        } catch (RuntimeException failure) {
            readerFailed("a command's end", failure);
        }
    }

    private void endOfBatch() {
        try {
            outputs.onEndOfBatch();
        } catch (RuntimeException failure) {
            readerFailed("the end of a batch", failure);
        }
    }

    private static void readerFailed(Object what, RuntimeException failure) {
        LOG.error("a reader of the cluster's outputs failed on {}; the others and the callers are still served", what, failure);
    }

    private void lost(String why) {
        LOG.warn("lost the cluster: {}; reconnecting", why);
        dropBatch(noLeader());
        CloseHelper.quietClose(cluster);
        cluster = null;
        leaderMemberId = -1;
        failPending(noLeader());
    }

    /** Closing: awaited requests fail; commands nobody waits for that are still kept are lost, and said so. */
    private void stopAll(RuntimeException why) {
        dropBatch(why);
        failPending(why);
        for (Request request = requests.poll(); request != null; request = requests.poll()) {
            if (request.outcome() != null) {
                request.outcome().completeExceptionally(why);
            } else {
                unconfirmed.keep(request.command());
            }
        }
        if (unconfirmed.size() > 0) {
            LOG.error("the cluster client stopped with {} commands taken but not seen decided (they may or may not have been): "
                    + "the first {}", unconfirmed.size(), unconfirmed.first());
        }
    }

    /** Fails the requests sent but not answered: their answers, if any, went to a node that is no longer leader. */
    private void failPending(RuntimeException why) {
        pending.values().forEach(waiting -> waiting.outcome.completeExceptionally(why));
        pending.clear();
    }

    private static EngineBusyException noLeader() {
        return new EngineBusyException("the cluster has no leader (election in progress); resend with the same clOrdId");
    }

    /** Stops the agent (failing what waits), then the client's media driver. */
    @Override
    public void close() {
        running = false;
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("the cluster client did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CloseHelper.closeAll(aeron, driver);
    }

    /** Egress, on the agent thread. */
    private final class Egress implements EgressListener {

        @Override
        public void onMessage(long clusterSessionId, long timestamp, DirectBuffer buffer, int offset, int length, Header header) {
            if (EgressFrame.isNotice(length)) {
                onNotice(EgressFrame.noticeFingerprint(buffer, offset), EgressFrame.number(buffer, offset),
                        EgressFrame.noticeLast(buffer, offset),
                        EgressFrame.noticeNewest(buffer, offset));
                return;
            }
            if (!configurationChecked) {
                return; // frames are applied once the first notice showed the cluster's configuration is this gateway's
            }
            long origin = EgressFrame.origin(buffer, offset);
            long number = EgressFrame.number(buffer, offset);
            int end = offset + length;
            for (int at = offset + EgressFrame.RECORDS, recordLength; at + RecordHeader.LENGTH <= end; at += recordLength) {
                recordLength = RecordHeader.length(buffer, at);
                if (recordLength < RecordHeader.LENGTH || at + recordLength > end) {
                    break; // not a run of frames of this build's nodes
                }
                onFrame(origin, number++, buffer, at, recordLength);
            }
        }

        private void onFrame(long origin, long number, DirectBuffer buffer, int offset, int length) {
            if (number <= lastApplied) {
                return;
            }
            if (number > lastApplied + 1) {
                if (synced) { // a frame the leader could not send: ask for it (and what follows) again
                    synced = false;
                    resendAskedAt = 0;
                    resendLast = -1;
                }
                return;
            }
            lastApplied = number;
            apply(origin, buffer, offset, length);
            if (!synced && resendLast >= 0 && number >= resendLast) {
                caughtUp();
            }
        }

        private void onNotice(int fingerprint, long first, long last, long newest) {
            if (fingerprint != settings.fingerprint()) {
                refuse(String.format("the cluster's nodes run another configuration (fingerprint %08x, this gateway's %08x): "
                        + "start the gateway with the profile its nodes run (symbols, accounts, risk limits, engine.maxOpenOrders)",
                        fingerprint, settings.fingerprint()));
                return;
            }
            configurationChecked = true;
            if (first > lastApplied + 1 || newest < lastApplied) {
                long missed = first > lastApplied + 1 ? first - lastApplied - 1 : 0;
                LOG.error("the cluster's egress frames run from {} (newest {}) but this gateway applied up to {}: {}", first, newest,
                        lastApplied, missed > 0 ? missed + " frames are no longer kept by the cluster; the gateway's read models "
                                + "and journal lack them" : "the gateway's journal is not of this cluster; going on with its numbers");
                framesMissed += missed;
                lastApplied = first - 1;
            }
            resendLast = last;
            resendNewest = newest;
            if (last < first || lastApplied >= last) {
                caughtUp();
            }
        }

        /** Stops the client for good: nothing more is sent or applied; what waits fails. */
        private void refuse(String why) {
            if (refused.complete(why)) {
                LOG.error("the cluster gateway refuses the cluster: {}", why);
            }
            running = false;
            synced = false;
        }

        /** The resend answered is applied: done if it reached the newest frame, else the rest is asked for. */
        private void caughtUp() {
            if (resendLast < resendNewest) {
                resendAskedAt = 0;
                resendLast = -1;
                return;
            }
            synced = true;
            resendLast = -1;
        }

        private void apply(long origin, DirectBuffer buffer, int offset, int length) {
            RecordType type = RecordHeader.type(buffer, offset);
            if (!type.isEvent()) {
                outputs.onInput(buffer, offset, length);
                if (type == RecordType.QUARANTINE) {
                    quarantines++;
                    lastQuarantine = QuarantineCodec.quarantined(buffer, offset) + " "
                            + QuarantineCodec.quarantinedType(buffer, offset) + ": " + QuarantineCodec.reason(buffer, offset);
                    refuseQuarantined(QuarantineCodec.reason(buffer, offset));
                } else if (sessions.contains(origin)) {
                    confirm(buffer, offset);
                } else {
                    echoed = 0;
                }
                return;
            }
            if (!outputs.decodesEvents() && (pending.isEmpty() || !sessions.contains(origin))) {
                if (EventCodec.lastOfCommand(buffer, offset)) {
                    commandDone(EventCodec.ingressNanos(buffer, offset));
                }
                return;
            }
            EventCodec.decode(buffer, offset, event);
            try {
                outputs.onEvent(event);
            } catch (RuntimeException failure) {
                readerFailed(event, failure);
            }
            if (!sessions.contains(origin) || event.correlationId == 0) {
                return;
            }
            Pending waiting = pending.get(event.correlationId);
            if (waiting == null) {
                return;
            }
            waiting.events.add(event.copy());
            if (event.lastOfCommand) {
                pending.remove(event.correlationId);
                waiting.outcome.complete(waiting.events);
            }
        }

        /** The command before a QUARANTINE record was not decided: its caller, if this client's, gets an error now. */
        private void refuseQuarantined(String reason) {
            Pending waiting = echoed == 0 ? null : pending.remove(echoed);
            if (waiting != null) {
                waiting.outcome.completeExceptionally(new IllegalStateException(reason
                        + "; the command was skipped on every node (docs/CLUSTER.md)"));
            }
        }

        /**
         * A command of this client decided: if it was one nobody waits for, it is kept no
         * longer. An awaited command (its caller still pending: the record comes before its
         * events) or a clock tick (no correlation id) was never kept, so the kept ones,
         * up to {@link #MAX_UNCONFIRMED} in a burst, are not searched for it.
         */
        private void confirm(DirectBuffer buffer, int offset) {
            echoed = CommandCodec.correlationId(buffer, offset);
            if (echoed != 0 && !pending.containsKey(echoed) && unconfirmed.decided(echoed)) {
                taken.decrementAndGet();
            }
        }

        @Override
        public void onNewLeader(long clusterSessionId, long termId, int leaderId, String ingressEndpoints) {
            LOG.info("new cluster leader {} in term {}", leaderId, termId);
            leadershipTermId = termId;
            leaderMemberId = leaderId;
            failPending(new EngineBusyException("the cluster changed leader; resend with the same clOrdId"));
            resync();
        }
    }
}

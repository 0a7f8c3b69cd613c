package io.ringbook.cluster;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.Header;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.engine.pipeline.EngineBusyException;
import io.ringbook.engine.pipeline.EpochClock;
import io.ringbook.journal.codec.CommandCodec;
import io.ringbook.journal.codec.EventCodec;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The doors' way into the cluster: an Aeron Cluster client owned by one agent thread
 * (the client is not thread-safe), fed by any number of request threads through a queue.
 * {@link #submit} answers as the single-process engine's publisher does, with all events
 * of the command once the cluster has committed and decided it. While there is no leader
 * (connecting, or an election) it refuses at once with {@link EngineBusyException}, which
 * the HTTP doors answer 503 {@code UNAVAILABLE} with {@code Retry-After}; requests in
 * flight when the leader changes are refused the same way, and a resend with the same
 * clOrdId is harmless because the clOrdId index is part of the replicated state. Every
 * event of every command reaches the {@link EngineListener} on the agent thread, so read
 * models and the audit journal are kept on the gateway side.
 */
public final class ClusterClient implements CommandPublisher.Forwarder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterClient.class);
    /** Commands offered per duty cycle at most, so that egress is polled between bursts. */
    private static final int SEND_LIMIT = 1024;

    /**
     * @param aeronDir          the client's own media-driver directory
     * @param host              the address the nodes send egress to
     * @param tickIntervalNanos how often a CLOCK_TICK is sent into the log (0: never)
     * @param requestTimeoutNanos after this a request still unanswered fails with {@link TimeoutException}
     */
    public record Settings(ClusterTopology topology, Path aeronDir, String host, long tickIntervalNanos,
                           long requestTimeoutNanos) {
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
    private final EngineListener listener;
    private final ManyToOneConcurrentArrayQueue<Request> requests = new ManyToOneConcurrentArrayQueue<>(65_536);
    private final Long2ObjectHashMap<Pending> pending = new Long2ObjectHashMap<>();
    private final ExpandableArrayBuffer ingress = new ExpandableArrayBuffer(CommandCodec.MAX_LENGTH);
    private final EngineEvent event = new EngineEvent();
    private final Command tick = new Command();
    private final EpochClock clock = EpochClock.system();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread agent;
    private volatile boolean running = true;
    private volatile int leaderMemberId = -1;
    private volatile long leadershipTermId = -1;
    private MediaDriver driver;
    private Aeron aeron;
    private AeronCluster cluster;
    private AeronCluster.AsyncConnect connecting;
    private Request stalled;
    private long correlations;
    private long nextTickNanos;
    private long nextKeepAliveNanos;
    private long nextConnectNanos;
    private long nextExpiryNanos;

    private ClusterClient(Settings settings, EngineListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.agent = new Thread(this::run, "ringbook-cluster-client");
        this.agent.setDaemon(true);
    }

    /** Starts the agent thread, which connects and reconnects on its own. */
    public static ClusterClient start(Settings settings, EngineListener listener) {
        ClusterClient client = new ClusterClient(settings, listener);
        client.driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(settings.aeronDir().toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(ClusterNode.backoff())
                .termBufferSparseFile(true)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
        client.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(settings.aeronDir().toString()));
        client.agent.start();
        return client;
    }

    /** Sends a command and answers with all its events once decided; see the class comment for refusals. */
    @Override
    public CompletableFuture<List<EngineEvent>> submit(CommandPublisher.CommandWriter writer) {
        CompletableFuture<List<EngineEvent>> outcome = new CompletableFuture<>();
        enqueue(clock.epochNanos(), writer, outcome);
        return outcome;
    }

    /** Sends a command nobody waits for; false if it could not be queued or there is no leader. */
    @Override
    public boolean tryPublishAt(long ingressNanos, CommandPublisher.CommandWriter writer) {
        return leaderMemberId >= 0 && enqueue(ingressNanos, writer, null);
    }

    /** The leader's member id, or -1 while there is none (connecting, or an election). */
    public int leaderMemberId() {
        return leaderMemberId;
    }

    /** The leadership term the client last heard of, -1 before the first. */
    public long leadershipTermId() {
        return leadershipTermId;
    }

    private boolean enqueue(long ingressNanos, CommandPublisher.CommandWriter writer, CompletableFuture<List<EngineEvent>> outcome) {
        Command command = new Command().clear();
        writer.write(command);
        if (command.type == null) {
            throw new IllegalArgumentException("a command needs a type");
        }
        command.ingressNanos = ingressNanos;
        if (leaderMemberId < 0 && outcome != null) {
            outcome.completeExceptionally(noLeader());
            return false;
        }
        if (!requests.offer(new Request(command, outcome))) {
            if (outcome != null) {
                outcome.completeExceptionally(new EngineBusyException("the cluster client's queue is full"));
            }
            return false;
        }
        return true;
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
            failAll(new EngineBusyException("the cluster client stopped"));
            stopped.countDown();
        }
    }

    private int doWork(long now) {
        int work = 0;
        if (cluster == null) {
            work += connect(now);
        }
        for (int sent = 0; sent < SEND_LIMIT && (stalled != null || (stalled = requests.poll()) != null); sent++) {
            if (!send(stalled.command(), stalled.outcome(), now)) {
                break;
            }
            stalled = null;
            work++;
        }
        if (cluster != null) {
            int polled = cluster.pollEgress();
            if (polled > 0) {
                listener.onEndOfBatch();
            }
            work += polled;
            if (cluster.isClosed()) {
                lost("the cluster closed the session");
            } else {
                work += keepAliveAndTick(now);
            }
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
                        .egressChannel(Channels.ephemeral(settings.host()))
                        .egressListener(new Egress())
                        .messageTimeoutNs(TimeUnit.SECONDS.toNanos(5)));
            }
            AeronCluster connected = connecting.poll();
            if (connected == null) {
                return 0;
            }
            connecting = null;
            cluster = connected;
            leadershipTermId = connected.leadershipTermId();
            leaderMemberId = connected.leaderMemberId();
            nextTickNanos = now;
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

    /**
     * Offers one command to the leader; false if the ingress is back-pressured, and the
     * command is then offered again on the next cycle (after egress has been polled), in
     * order, rather than refused. Without a leader it is refused.
     */
    private boolean send(Command command, CompletableFuture<List<EngineEvent>> outcome, long now) {
        if (cluster == null) {
            if (outcome != null) {
                outcome.completeExceptionally(noLeader());
            }
            return true;
        }
        if (command.correlationId == 0 && outcome != null) {
            command.correlationId = ++correlations;
        }
        int length = CommandCodec.encode(command, ingress, 0);
        long result = cluster.offer(ingress, 0, length);
        if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION) {
            return false;
        }
        if (result < 0) {
            if (outcome != null) {
                outcome.completeExceptionally(noLeader());
            }
            return true;
        }
        if (outcome != null) {
            pending.put(command.correlationId, new Pending(outcome, now + settings.requestTimeoutNanos()));
        }
        return true;
    }

    private int keepAliveAndTick(long now) {
        int work = 0;
        if (now >= nextKeepAliveNanos) {
            cluster.sendKeepAlive();
            nextKeepAliveNanos = now + TimeUnit.SECONDS.toNanos(1);
            work++;
        }
        if (settings.tickIntervalNanos() > 0 && now >= nextTickNanos) {
            tick.clockTick().ingressNanos = clock.epochNanos();
            send(tick, null, now);
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

    private void lost(String why) {
        LOG.warn("lost the cluster: {}; reconnecting", why);
        CloseHelper.quietClose(cluster);
        cluster = null;
        leaderMemberId = -1;
        failAll(noLeader());
    }

    private void failAll(RuntimeException why) {
        failPending(why);
        if (stalled != null && stalled.outcome() != null) {
            stalled.outcome().completeExceptionally(why);
        }
        stalled = null;
        for (Request request = requests.poll(); request != null; request = requests.poll()) {
            if (request.outcome() != null) {
                request.outcome().completeExceptionally(why);
            }
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
            long origin = EgressFrame.origin(buffer, offset);
            EventCodec.decode(buffer, offset + EgressFrame.EVENT_OFFSET, event);
            try {
                listener.onEvent(event);
            } catch (RuntimeException readerFailed) {
                LOG.error("a reader of the cluster's events failed on {}; the others and the callers are still served", event,
                        readerFailed);
            }
            if (origin != clusterSessionId || event.correlationId == 0) {
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

        @Override
        public void onNewLeader(long clusterSessionId, long termId, int leaderId, String ingressEndpoints) {
            LOG.info("new cluster leader {} in term {}", leaderId, termId);
            leadershipTermId = termId;
            leaderMemberId = leaderId;
            failPending(new EngineBusyException("the cluster changed leader; resend with the same clOrdId"));
        }
    }
}

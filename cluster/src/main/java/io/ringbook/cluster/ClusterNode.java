package io.ringbook.cluster;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.NanosecondClusterClock;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.NoOpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One cluster node in this process: a media driver, an archive and a consensus module
 * ({@link ClusteredMediaDriver}) and the container running the {@link LogicService}.
 * Built for a shared small machine: the driver and the archive each run as one shared
 * agent, and every agent backs off to sleeping when idle instead of spinning, so three
 * nodes and a gateway fit on 2 cores. Cluster time is in nanoseconds, the engine's unit.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private final NodeSettings settings;
    private final LogicService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private ClusterNode(NodeSettings settings, LogicService service, ClusteredMediaDriver driver,
                        ClusteredServiceContainer container) {
        this.settings = settings;
        this.service = service;
        this.driver = driver;
        this.container = container;
    }

    public static ClusterNode launch(NodeSettings settings, LogicService service) {
        ClusterMember me = settings.member();
        File base = settings.dataDir().toFile();
        String aeronDir = settings.aeronDir().toString();
        ClusterTimeouts timeouts = settings.timeouts();

        MediaDriver.Context driverContext = sharedDriver(aeronDir)
                .errorHandler(errors("driver", me.id()));

        Archive.Context archiveContext = new Archive.Context()
                .aeronDirectoryName(aeronDir)
                .archiveId(me.id())
                .archiveDir(new File(base, "archive"))
                .controlChannel(Channels.udp(me.endpoint(me.archiveControlPort())))
                .localControlChannel(Channels.LOCAL_CONTROL)
                .replicationChannel(Channels.ephemeral(me.host()))
                .archiveClientContext(new AeronArchive.Context().controlResponseChannel(Channels.ephemeral(me.host())))
                .recordingEventsEnabled(false)
                .threadingMode(ArchiveThreadingMode.SHARED)
                .idleStrategySupplier(ClusterNode::backoff)
                .fileSyncLevel(settings.fileSyncLevel())
                .catalogFileSyncLevel(settings.fileSyncLevel())
                .deleteArchiveOnStart(settings.fresh())
                .errorHandler(errors("archive", me.id()));

        AeronArchive.Context archiveClient = new AeronArchive.Context()
                .lock(NoOpLock.INSTANCE)
                .controlRequestChannel(Channels.LOCAL_CONTROL)
                .controlResponseChannel(Channels.LOCAL_CONTROL)
                .aeronDirectoryName(aeronDir);

        File clusterDir = new File(base, "cluster");
        ConsensusModule.Context consensusContext = new ConsensusModule.Context()
                .clusterMemberId(me.id())
                .clusterMembers(settings.topology().consensusMembers())
                .clusterDir(clusterDir)
                .ingressChannel(Channels.INGRESS)
                .logChannel(Channels.LOG)
                .replicationChannel(Channels.ephemeral(me.host()))
                .archiveContext(archiveClient.clone())
                .clusterClock(new NanosecondClusterClock())
                .leaderHeartbeatIntervalNs(timeouts.leaderHeartbeatIntervalNanos())
                .leaderHeartbeatTimeoutNs(timeouts.leaderHeartbeatTimeoutNanos())
                .electionTimeoutNs(timeouts.electionTimeoutNanos())
                .startupCanvassTimeoutNs(timeouts.startupCanvassTimeoutNanos())
                .sessionTimeoutNs(timeouts.sessionTimeoutNanos())
                .idleStrategySupplier(ClusterNode::backoff)
                .fileSyncLevel(settings.fileSyncLevel())
                .deleteDirOnStart(settings.fresh())
                .errorHandler(errors("consensus", me.id()));

        ClusteredServiceContainer.Context serviceContext = new ClusteredServiceContainer.Context()
                .aeronDirectoryName(aeronDir)
                .archiveContext(archiveClient.clone())
                .clusterDir(clusterDir)
                .clusteredService(service)
                .idleStrategySupplier(ClusterNode::backoff)
                .errorHandler(errors("service", me.id()));

        ClusteredMediaDriver driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
        try {
            return new ClusterNode(settings, service, driver, ClusteredServiceContainer.launch(serviceContext));
        } catch (RuntimeException e) {
            CloseHelper.quietClose(driver);
            throw e;
        }
    }

    /**
     * Deletes the liveness marks a node killed with SIGKILL leaves behind in its data
     * directory (they only say the node lived until recently; its log, snapshots and
     * consensus state are untouched), so that it can start again at once instead of
     * waiting for them to go stale. Call it only when that node's process is known dead.
     */
    public static void clearMarksOfDeadNode(Path dataDir) throws IOException {
        for (Path mark : List.of(dataDir.resolve("archive").resolve("archive-mark.dat"),
                dataDir.resolve("cluster").resolve("cluster-mark.dat"), dataDir.resolve("cluster").resolve("cluster-mark-service-0.dat"))) {
            Files.deleteIfExists(mark);
        }
    }

    /** Spins a little, yields, then sleeps up to a millisecond: idle nodes leave the cores to the busy one. */
    static BackoffIdleStrategy backoff() {
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    }

    /**
     * A media driver for a shared small machine (a node's, or a gateway's client's): one
     * agent for conductor, sender and receiver, sleeping when idle ({@link #driverBackoff()}),
     * its directory in {@code aeronDir}, deleted when it stops. Its few slow tasks (name
     * resolution) run on its conductor instead of on an executor thread of their own,
     * which woke a thousand times a second (about 0.3 us of CPU per command in a burst).
     */
    static MediaDriver.Context sharedDriver(String aeronDir) {
        return new MediaDriver.Context()
                .aeronDirectoryName(aeronDir)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(driverBackoff())
                .asyncExecutorEnabled(false)
                .termBufferSparseFile(true)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true);
    }

    /**
     * A media driver's idle strategy: one spin and one yield, then sleeps of 250 us
     * doubling up to a millisecond. A driver's duty cycle that finds nothing still polls
     * each of its receive sockets (a {@code recvfrom} system call each), and under a burst
     * most of them find nothing (about nine in ten in a trace of the benchmark): the 30
     * empty cycles of {@link #backoff()} before it sleeps cost the drivers about a fifth of
     * their CPU per command, and first sleeps of 1 us (about 50 us with the kernel's timer
     * slack) woke them for empty cycles some 0.4 us per command more than 250 us
     * (docs/CLUSTER.md). A datagram then waits up to that sleep in its socket when its
     * driver had gone idle; what that costs a lone order's round trip is not measured yet.
     */
    private static BackoffIdleStrategy driverBackoff() {
        return new BackoffIdleStrategy(1, 1, TimeUnit.MICROSECONDS.toNanos(250), TimeUnit.MILLISECONDS.toNanos(1));
    }

    private static ErrorHandler errors(String component, int memberId) {
        return failure -> LOG.warn("cluster node {} {}: {}", memberId, component, failure.toString());
    }

    public int memberId() {
        return settings.memberId();
    }

    public LogicService service() {
        return service;
    }

    /** Stops the node: its service, consensus module, archive and driver (whose directory is deleted). */
    @Override
    public void close() {
        CloseHelper.closeAll(container, driver);
    }
}

package io.ringbook.cluster;

import io.aeron.AeronCounters;
import io.aeron.CncFileDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a node's role and commit position from its media driver's counters, as Aeron's
 * own tools do: the node must run on this machine and its driver directory be known. A
 * node whose driver is gone, or has not beaten its heart for two seconds, is DOWN.
 */
final class NodeProbe {

    /** One node as a probe sees it. */
    record Seen(String role, long commitPosition) {
        static final Seen DOWN = new Seen("DOWN", -1);
    }

    private static final long STALE_MILLIS = 2_000;
    private static final String[] ROLES = {"FOLLOWER", "CANDIDATE", "LEADER"};

    private NodeProbe() {
    }

    static Seen probe(Path aeronDir) {
        File cncFile = aeronDir.resolve(CncFileDescriptor.CNC_FILE).toFile();
        if (!Files.isRegularFile(cncFile.toPath())) {
            return Seen.DOWN;
        }
        MappedByteBuffer cnc = null;
        try {
            cnc = IoUtil.mapExistingFile(cncFile, "cnc");
            DirectBuffer meta = CncFileDescriptor.createMetaDataBuffer(cnc);
            ManyToOneRingBuffer toDriver = new ManyToOneRingBuffer(CncFileDescriptor.createToDriverBuffer(cnc, meta));
            if (System.currentTimeMillis() - toDriver.consumerHeartbeatTime() > STALE_MILLIS) {
                return Seen.DOWN;
            }
            CountersReader counters = new CountersReader(CncFileDescriptor.createCountersMetaDataBuffer(cnc, meta),
                    new UnsafeBuffer(CncFileDescriptor.createCountersValuesBuffer(cnc, meta)));
            long[] found = {-1, -1};
            counters.forEach((counterId, typeId, key, label) -> {
                if (typeId == AeronCounters.CLUSTER_NODE_ROLE_TYPE_ID) {
                    found[0] = counters.getCounterValue(counterId);
                } else if (typeId == AeronCounters.CLUSTER_COMMIT_POSITION_TYPE_ID) {
                    found[1] = counters.getCounterValue(counterId);
                }
            });
            if (found[0] < 0 || found[0] >= ROLES.length) {
                return Seen.DOWN;
            }
            return new Seen(ROLES[(int) found[0]], found[1]);
        } catch (RuntimeException unreadable) {
            return Seen.DOWN;
        } finally {
            if (cnc != null) {
                IoUtil.unmap(cnc);
            }
        }
    }
}

package io.ringbook.cluster;

import java.nio.file.Path;

/**
 * Everything one node needs besides its service: who it is, who the others are, where
 * its files live and how it waits. Each node has its own media-driver directory
 * ({@code aeron.dir}) inside its data directory, so nodes sharing a machine never share
 * a driver.
 *
 * @param dataDir       the node's own directory: archive, consensus state, driver
 * @param fresh         delete the node's earlier log, snapshots and archive at start
 * @param fileSyncLevel the archive's {@code file.sync.level}: 0 leaves writes to the OS, 1 forces data, 2 data and metadata
 */
public record NodeSettings(int memberId, ClusterTopology topology, ClusterTimeouts timeouts, Path dataDir, boolean fresh,
                           int fileSyncLevel) {

    public NodeSettings {
        topology.member(memberId);
        if (fileSyncLevel < 0 || fileSyncLevel > 2) {
            throw new IllegalArgumentException("file sync level is 0, 1 or 2, not " + fileSyncLevel);
        }
    }

    ClusterMember member() {
        return topology.member(memberId);
    }

    Path aeronDir() {
        return dataDir.resolve("aeron");
    }
}

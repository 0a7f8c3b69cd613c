package io.ringbook.app.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code cluster} section of a profile: read as docs/CLUSTER.md shows it, mistakes named by their setting. */
class ClusterSectionTest {

    @TempDir
    Path dir;

    @Test
    void readsMembersTimeoutsAndSyncLevel() throws Exception {
        ClusterSection section = ClusterSection.read(file("""
                cluster:
                  members:
                    0: {host: 10.0.0.1, portBase: 20000, data: /srv/node-0}
                    1: {host: 10.0.0.2, portBase: 20000}
                    2: {host: 10.0.0.3, portBase: 20000}
                  leaderHeartbeatTimeoutMs: 2000
                  startupCanvassTimeoutMs: 4000
                  fileSyncLevel: 1
                  gatewayHost: 10.0.0.9
                """), name -> null);
        assertEquals(3, section.topology().size());
        assertEquals("10.0.0.2", section.topology().member(1).host());
        assertEquals(20002, section.topology().member(2).ingressPort());
        assertEquals(Path.of("/srv/node-0"), section.nodeDataDirs().get(0));
        assertNull(section.nodeDataDirs().get(1));
        assertEquals(TimeUnit.SECONDS.toNanos(2), section.timeouts().leaderHeartbeatTimeoutNanos());
        assertEquals(1, section.fileSyncLevel());
        assertEquals(100, section.clockTickMillis());
        assertEquals("10.0.0.9", section.gatewayHost());
    }

    @Test
    void refusesMistakesNamingTheSetting() throws Exception {
        for (Map.Entry<String, String> bad : Map.of(
                "cluster: {}\n", "cluster.members",
                "cluster:\n  members:\n    1: {host: a, portBase: 20000}\n", "members are numbered",
                "cluster:\n  members:\n    0: {host: a, portBase: 20000, port: 1}\n", "port",
                "cluster:\n  members:\n    0: {host: a, portBase: 20000}\n  startupCanvassTimeoutMs: 1500\n", "multiple",
                "cluster:\n  members:\n    0: {host: a, portBase: 20000}\n  fileSyncLevel: 3\n", "file sync level").entrySet()) {
            ConfigException refused = assertThrows(ConfigException.class, () -> ClusterSection.read(file(bad.getKey()), name -> null));
            assertTrue(refused.getMessage().contains(bad.getValue()), refused.getMessage());
        }
    }

    private Path file(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "profile", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

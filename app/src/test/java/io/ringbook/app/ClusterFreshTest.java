package io.ringbook.app;

import io.ringbook.app.profile.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --fresh} in cluster mode moves earlier data aside, as an operator would want,
 * instead of deleting it: {@code cluster node --fresh} the node's directory,
 * {@code cluster demo --fresh} the whole demo directory with the gateway's journal; both
 * refuse while a node still runs on the directory.
 */
class ClusterFreshTest {

    @TempDir
    Path dir;

    @Test
    void nodeFreshMovesTheNodesDataAsideAndStartsEmpty() throws Exception {
        Path node = dir.resolve("node-1");
        Files.createDirectories(node.resolve("archive"));
        Files.writeString(node.resolve("archive").resolve("log.rec"), "the old log");
        Files.writeString(node.resolve("node.pid"), "999999999\n");

        Path aside = ClusterNodeCommand.prepare(node, 1, true);

        assertEquals(dir, aside.getParent(), "next to it: " + aside);
        assertTrue(aside.getFileName().toString().startsWith("node-1.old-"), aside.toString());
        assertEquals("the old log", Files.readString(aside.resolve("archive").resolve("log.rec")), "kept, not deleted");
        assertFalse(Files.exists(node.resolve("archive")), "the node starts from an empty directory");
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(Files.readString(node.resolve("node.pid")).trim()));
        assertNull(ClusterNodeCommand.prepare(dir.resolve("node-2"), 2, true), "nothing to move aside");
    }

    @Test
    void demoFreshMovesTheNodesAndTheGatewaysDataAside() throws Exception {
        Path demo = dir.resolve("data-cluster");
        Files.createDirectories(demo.resolve("gateway").resolve("journal"));
        Files.writeString(demo.resolve("gateway").resolve("journal").resolve("input.cq4"), "the gateway's journal");
        Files.createDirectories(demo.resolve("node-0"));
        Files.writeString(demo.resolve("node-0").resolve("node.pid"), "999999999\n");

        assertNull(ClusterDemoCommand.prepare(demo, false), "without --fresh nothing moves");
        Path aside = ClusterDemoCommand.prepare(demo, true);

        assertTrue(aside.getFileName().toString().startsWith("data-cluster.old-"), aside.toString());
        assertEquals("the gateway's journal", Files.readString(aside.resolve("gateway").resolve("journal").resolve("input.cq4")));
        assertFalse(Files.exists(demo.resolve("gateway")), "the gateway starts with no journal, like the nodes");
    }

    @Test
    void freshIsRefusedWhileANodeRunsOnTheDirectory() throws Exception {
        Path demo = dir.resolve("data-cluster");
        Path node = demo.resolve("node-2");
        Files.createDirectories(node);
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(node.resolve("node.pid"), live + "\n");

        ConfigException refused = assertThrows(ConfigException.class, () -> ClusterDemoCommand.prepare(demo, true));
        assertTrue(refused.getMessage().contains("already runs"), refused.getMessage());
        assertThrows(ConfigException.class, () -> ClusterNodeCommand.prepare(node, 2, true));
        assertTrue(Files.exists(node.resolve("node.pid")), "nothing moved");
    }
}

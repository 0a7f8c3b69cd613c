package io.ringbook.cluster;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a snapshot interval the leader has every node take snapshots on its own, through
 * the same path as an operator's; after a whole-cluster restart each node starts from the
 * newest snapshot (not the whole log) and holds exactly the state it had before.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClusterPeriodicSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void nodesTakeSnapshotsOnTheIntervalAndRestartFromThemWithTheSameState() throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant())
                .services(() -> new LogicService(ThreeNodes.DATA, 1024, 1024, TimeUnit.MILLISECONDS.toNanos(500))).startAll(true)) {
            ClusterClient client = cluster.client(0, event -> { });
            for (int i = 0; i < 50; i++) {
                boolean buy = i % 2 == 0;
                long qty = 1 + i % 4;
                client.submit(slot -> slot.newOrder(buy ? 0 : 2, DemoMarket.TEST, buy ? Side.BUY : Side.SELL, OrderType.LIMIT,
                        TimeInForce.GTC, 100, qty)).get(10, TimeUnit.SECONDS);
            }
            ThreeNodes.await("a periodic snapshot on every node after the orders", 30, () -> Arrays.stream(new int[]{0, 1, 2})
                    .allMatch(id -> cluster.node(id).service().snapshotsTaken() >= 2));
            NodeState before = cluster.assertSameState(50);
            client.close();
            cluster.stopAll();

            cluster.startAll(false);
            ThreeNodes.await("every node restored from a snapshot", 60, () -> Arrays.stream(new int[]{0, 1, 2})
                    .allMatch(id -> cluster.node(id).service().restoredSequence() == 50));
            NodeState after = cluster.assertSameState(50);
            assertArrayEquals(before.state(), after.state(), "state before and after the whole cluster restarted");
            assertEquals(before.outputDigest(), after.outputDigest());
            assertTrue(after.sequence() == 50);
        }
    }
}

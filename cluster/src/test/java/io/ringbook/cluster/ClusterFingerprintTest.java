package io.ringbook.cluster;

import io.ringbook.engine.domain.AccountTable;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log carries the configuration's fingerprint: a node started again from the log
 * alone with another configuration (here one more account) refuses to go on, with a
 * one-line reason, instead of deciding differently from its peers; with the same
 * configuration it catches up.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterFingerprintTest {

    private static final ReferenceData OTHER = new ReferenceData(DemoMarket.symbols(),
            new AccountTable(List.of("T1", "T2", "T3", "T4", "T5")));

    @TempDir
    Path dir;

    @Test
    void aNodeStartedFromTheLogWithAnotherConfigurationRefusesToGoOn() throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant()).startAll(true)) {
            ClusterClient client = cluster.client(0, event -> { });
            for (int i = 0; i < 20; i++) {
                client.submit(slot -> slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1))
                        .get(10, TimeUnit.SECONDS);
            }
            int follower = (cluster.leader() + 1) % 3;
            cluster.kill(follower);
            cluster.start(follower, false, new LogicService(OTHER, 1024));
            LogicService other = cluster.node(follower).service();
            String why = other.refusal().get(30, TimeUnit.SECONDS);
            assertTrue(why.contains("another configuration"), why);
            assertFalse(why.contains("\n"), "one line: " + why);
            assertTrue(other.decided() < 20, "it stopped deciding at the fingerprint, before the orders: " + other.decided());

            cluster.kill(follower);
            cluster.start(follower, false);
            NodeState caughtUp = cluster.assertSameState(20);
            assertEquals(20, caughtUp.sequence());
            assertFalse(cluster.node(follower).service().refusal().isDone(), "the same configuration is accepted");
        }
    }
}

package io.ringbook.cluster;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.EngineBusyException;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The leader dies mid-load: a new leader takes over within the timeouts, every order the
 * client saw acknowledged is still known (a resend of its clOrdId is a duplicate of the
 * same orderId), the survivors hold the same book and positions, the client carries on,
 * and the dead node, started again, catches up to the very same state.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterFailoverTest {

    private static final int ORDERS = 600;
    private static final int KILL_AT = 250;
    private static final int IN_FLIGHT = 10;

    @TempDir
    Path dir;

    @Test
    void killingTheLeaderMidLoadLosesNoAcknowledgedOrderAndTheRestartedNodeCatchesUp() throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.demo()).startAll(true)) {
            ClusterClient client = cluster.client(0, event -> { });
            Map<String, Long> acknowledged = new LinkedHashMap<>();
            int oldLeader = -1;
            Thread killer = null;
            long killedAt = 0;
            long firstAckAfterKill = 0;
            for (int first = 0; first < ORDERS; first += IN_FLIGHT) {
                if (first == KILL_AT) {
                    oldLeader = cluster.leader();
                    int victim = oldLeader;
                    killedAt = System.nanoTime();
                    killer = new Thread(() -> cluster.kill(victim));
                    killer.start();
                }
                List<CompletableFuture<List<EngineEvent>>> window = new ArrayList<>();
                for (int i = first; i < first + IN_FLIGHT; i++) {
                    window.add(client.submit(order(i)));
                }
                for (int i = first; i < first + IN_FLIGHT; i++) {
                    acknowledged.put(clOrdId(i), acknowledge(client, i, window.get(i - first)));
                    if (killer != null && firstAckAfterKill == 0) {
                        firstAckAfterKill = System.nanoTime();
                    }
                }
            }
            killer.join(10_000);
            int newLeader = cluster.leader();
            assertTrue(newLeader >= 0, "a new leader");
            assertNotEquals(oldLeader, newLeader);
            long failoverMillis = TimeUnit.NANOSECONDS.toMillis(firstAckAfterKill - killedAt);
            System.out.println("fail-over: leader " + oldLeader + " -> " + newLeader + ", first acknowledged order after "
                    + failoverMillis + " ms");
            assertTrue(failoverMillis < 5_000, "fail-over took " + failoverMillis + " ms");

            for (Map.Entry<String, Long> order : acknowledged.entrySet()) {
                int i = Integer.parseInt(order.getKey().substring(1));
                EngineEvent again = client.submit(order(i)).get(10, TimeUnit.SECONDS).get(0);
                assertEquals(RejectReason.DUPLICATE_CLORDID, again.rejectReason, order.getKey() + " unknown after the fail-over");
                assertEquals(order.getValue(), again.orderId, order.getKey() + " names another order");
            }
            long decided = cluster.node(newLeader).service().decided();
            NodeState survivors = cluster.assertSameState(decided);

            cluster.start(oldLeader, false);
            NodeState rejoined = cluster.assertSameState(decided);
            assertArrayEquals(survivors.state(), rejoined.state(), "the restarted node caught up");

            assertTrue(acknowledge(client, ORDERS, client.submit(order(ORDERS))) > 0, "the client carries on");
            cluster.assertSameState(decided + 1);
        }
    }

    private static io.ringbook.engine.pipeline.CommandPublisher.CommandWriter order(int i) {
        boolean buy = i % 2 == 0;
        int account = buy ? (i / 2) % 2 : 2 + (i / 2) % 2;
        return slot -> {
            slot.newOrder(account, DemoMarket.TEST, buy ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100 + i % 3, 1 + i % 5);
            slot.clOrdId.set(clOrdId(i));
        };
    }

    private static String clOrdId(int i) {
        return "F" + i;
    }

    /** The orderId the cluster gave order {@code i}, resending it with the same clOrdId while the cluster cannot answer. */
    private static long acknowledge(ClusterClient client, int i, CompletableFuture<List<EngineEvent>> outcome) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                EngineEvent first = outcome.get(10, TimeUnit.SECONDS).get(0);
                assertTrue(first.type == EventType.ORDER_ACCEPTED || first.type == EventType.ORDER_REJECTED, first.toString());
                assertTrue(first.orderId > 0);
                return first.orderId;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof EngineBusyException) && !(e.getCause() instanceof TimeoutException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("order " + i + " never acknowledged");
            }
            Thread.sleep(20);
            outcome = client.submit(order(i));
        }
    }
}

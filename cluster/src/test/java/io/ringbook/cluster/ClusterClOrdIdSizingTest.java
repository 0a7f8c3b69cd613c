package io.ringbook.cluster;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's business logic builds its day's clOrdId index for the clOrdIds it is told a
 * day uses (the profile's {@code engine.clOrdIdsPerDay}, as the single-process engine's
 * does), not for the orders it pools: sized so, a day of that many ids never grows it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterClOrdIdSizingTest {

    private static final int ORDERS = 6_000;

    @TempDir
    Path dir;

    @Test
    void theClOrdIdIndexIsSizedForTheClOrdIdsADayUsesNotForThePooledOrders() throws Exception {
        assertEquals(0, splitsAfterOrders("sized", () -> new LogicService(ThreeNodes.DATA, 16, 2 * ORDERS, 0)));
        assertTrue(splitsAfterOrders("pool-sized", () -> new LogicService(ThreeNodes.DATA, 16)) > 0,
                "an index sized for 16 ids grows over " + ORDERS + " (the test would prove nothing otherwise)");
    }

    /**
     * Sends {@value #ORDERS} orders with distinct clOrdIds counting down (ids that grow would
     * go to their accounts' runs, not the table that grows); how often the leader's index grew.
     */
    private long splitsAfterOrders(String name, Supplier<LogicService> services) throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir.resolve(name), ClusterTimeouts.tolerant()).services(services).startAll(true)) {
            ClusterClient client = cluster.client(0, event -> { });
            for (int i = 0; i < ORDERS; i++) {
                int n = i;
                while (!client.tryPublishAt(System.nanoTime(), slot -> {
                    slot.newOrder(n % 4, DemoMarket.TEST, n % 2 == 0 ? Side.BUY : Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                            n % 2 == 0 ? 90 : 110, 1);
                    slot.clOrdId.set("S" + (ORDERS - n));
                })) {
                    Thread.onSpinWait();
                }
            }
            return cluster.assertSameState(ORDERS).clOrdIdIndexSplits();
        }
    }
}

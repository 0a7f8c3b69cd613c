package io.ringbook.cluster;

import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time-driven behaviour in cluster mode comes from the CLOCK_TICK commands the gateway's
 * client sends into the log: a GTD order expires on its own, with no further order, and
 * every node expires it at the same log position.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterClockTickTest {

    @TempDir
    Path dir;

    @Test
    void aGtdOrderExpiresOnTheTicksTheClientSendsIntoTheLog() throws Exception {
        CompletableFuture<EngineEvent> expired = new CompletableFuture<>();
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant()).startAll(true)) {
            ClusterClient client = cluster.client(TimeUnit.MILLISECONDS.toNanos(20), event -> {
                if (event.type == EventType.ORDER_EXPIRED) {
                    expired.complete(event.copy());
                }
            });
            long expiry = System.currentTimeMillis() * 1_000_000L + TimeUnit.MILLISECONDS.toNanos(300);
            EngineEvent accepted = client.submit(slot -> {
                slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTD, 100, 5);
                slot.expireTimeNanos = expiry;
            }).get(10, TimeUnit.SECONDS).get(0);
            assertEquals(EventType.ORDER_ACCEPTED, accepted.type);

            EngineEvent canceled = expired.get(10, TimeUnit.SECONDS);
            assertEquals(accepted.orderId, canceled.orderId);
            assertEquals(CancelReason.EXPIRED, canceled.cancelReason);
            assertTrue(canceled.eventTimeNanos >= expiry, "expired by the log's time, not before");
            long decided = cluster.node(cluster.leader()).service().decided();
            client.close();
            cluster.assertSameState(cluster.node(cluster.leader()).service().decided());
            assertTrue(decided > 2, "ticks went through the log");
        }
    }
}

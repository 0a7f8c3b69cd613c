package io.ringbook.cluster;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.limits.AccountLimits;
import io.ringbook.engine.pipeline.CommandTooLongException;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's one agent thread serves every caller and reader of a gateway, so nothing a
 * caller hands it or a reader does may stop it: a reader that throws on a command's end,
 * and a command longer than the cluster carries (refused, HTTP 413), each leave the
 * client serving the next order.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterClientAgentTest {

    @TempDir
    Path dir;

    @Test
    void aReaderThatThrowsOnACommandsEndStopsNeitherTheClientNorItsCallers() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant()).startAll(true)) {
            ClusterClient client = cluster.client(0, ClusterOutputs.commandsDoneTo(ingressNanos -> {
                failures.incrementAndGet();
                throw new IllegalStateException("a reader's bug");
            }));
            for (int i = 0; i < 10; i++) {
                assertTrue(client.tryPublishAt(i, slot -> slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, 100, 1)));
            }
            ThreeNodes.await("the ten orders decided and seen back", 30, () -> client.unconfirmed() == 0 && failures.get() == 10);

            assertEquals(EventType.ORDER_ACCEPTED, order(client).get(10, TimeUnit.SECONDS).get(0).type);
            assertTrue(client.leaderMemberId() >= 0, "the client still follows the leader");
        }
    }

    @Test
    void aCommandLongerThanTheClusterCarriesIsRefusedAndTheClientGoesOn() throws Exception {
        int symbols = ClusterClient.LONGEST_COMMAND / 16; // 16 bytes a symbol: the limits alone are longer than the longest command
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant()).startAll(true)) {
            ClusterClient client = cluster.client(0, event -> { });

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> client.submit(slot -> slot.setLimits(0, AccountLimits.none(symbols))).get(10, TimeUnit.SECONDS));
            assertInstanceOf(CommandTooLongException.class, refused.getCause(), refused.toString());
            assertTrue(refused.getCause().getMessage().contains(symbols + " symbols"), refused.getCause().getMessage());
            assertTrue(!client.tryPublishAt(0, slot -> slot.setLimits(0, AccountLimits.none(symbols))),
                    "refused without a caller too, never queued");

            List<EngineEvent> next = order(client).get(10, TimeUnit.SECONDS);
            assertEquals(EventType.ORDER_ACCEPTED, next.get(0).type, "the client still serves");
            assertEquals(1, cluster.node(cluster.leader()).service().decided(), "only the order reached the log");
        }
    }

    private static CompletableFuture<List<EngineEvent>> order(ClusterClient client) {
        return client.submit(slot -> slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1));
    }
}

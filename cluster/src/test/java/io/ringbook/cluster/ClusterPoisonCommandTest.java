package io.ringbook.cluster;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.command.CommandType;
import io.ringbook.engine.book.Order;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.RejectReason;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.logic.BusinessLogic;
import io.ringbook.engine.logic.PreTradeCheck;
import io.ringbook.engine.testing.DemoMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A command the business logic throws on neither stops a node nor splits the cluster:
 * every node skips it alike (a QUARANTINE record in the egress instead of its events),
 * its caller gets an error at once, the nodes say so, and the next commands are decided.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterPoisonCommandTest {

    private static final long POISON_QTY = 777;

    @TempDir
    Path dir;

    @Test
    void aCommandTheLogicThrowsOnIsQuarantinedAlikeOnEveryNodeAndTheClusterGoesOn() throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant())
                .services(() -> new LogicService(ThreeNodes.DATA, ClusterPoisonCommandTest::poisonedLogic, 0)).startAll(true)) {
            RecordedOutputs outputs = new RecordedOutputs();
            ClusterClient client = cluster.client(0, outputs);
            assertEquals(EventType.ORDER_ACCEPTED, order(client, 5).get(10, TimeUnit.SECONDS).get(0).type);

            ExecutionException failed = assertThrows(ExecutionException.class, () -> order(client, POISON_QTY).get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("poisoned order"), failed.getCause().toString());

            EngineEvent after = order(client, 6).get(10, TimeUnit.SECONDS).get(0);
            assertEquals(EventType.ORDER_ACCEPTED, after.type, "the cluster goes on");
            assertEquals(3, after.sequence);
            cluster.assertSameState(3);
            for (int id = 0; id < 3; id++) {
                LogicService service = cluster.node(id).service();
                assertEquals(1, service.quarantined(), "node " + id);
                assertEquals(2, service.lastQuarantine().sequence(), "node " + id);
                assertEquals(CommandType.NEW_ORDER, service.lastQuarantine().type());
            }
            assertEquals(List.of(2L), outputs.quarantined(), "the gateway gets the QUARANTINE record to journal");
            assertEquals(1, client.quarantines());
            assertTrue(client.lastQuarantine().startsWith("2 NEW_ORDER: "), client.lastQuarantine());
        }
    }

    @Test
    void theEventsACommandProducedBeforeTheLogicFailedReachNoGateway() throws Exception {
        try (ThreeNodes cluster = new ThreeNodes(dir, ClusterTimeouts.tolerant())
                .services(() -> new LogicService(ThreeNodes.DATA, ClusterPoisonCommandTest::failingAfterAnEvent, 0)).startAll(true)) {
            RecordedOutputs outputs = new RecordedOutputs();
            ClusterClient client = cluster.client(0, outputs);
            order(client, 5).get(10, TimeUnit.SECONDS);
            NodeState first = cluster.assertSameState(1);
            ThreeNodes.await("the first order's events", 10, () -> outputs.digest() == first.outputDigest());
            long eventsOfAnOrder = outputs.events();
            assertTrue(eventsOfAnOrder > 0);

            ExecutionException failed = assertThrows(ExecutionException.class, () -> order(client, POISON_QTY).get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("failed after an event"), failed.getCause().toString());
            assertEquals(EventType.ORDER_ACCEPTED, order(client, 6).get(10, TimeUnit.SECONDS).get(0).type);

            NodeState after = cluster.assertSameState(3);
            ThreeNodes.await("the third order's events", 10, () -> outputs.digest() == after.outputDigest());
            assertEquals(2 * eventsOfAnOrder, outputs.events(), "no event of the failed command, all of the next one");
            assertEquals(List.of(2L), outputs.quarantined());
        }
    }

    /** The engine's logic, whose sink throws once it has passed on the acceptance of an order of {@link #POISON_QTY}. */
    private static BusinessLogic failingAfterAnEvent(io.ringbook.engine.domain.ReferenceData data, io.ringbook.engine.event.EventSink sink) {
        io.ringbook.engine.event.EventSink failing = new io.ringbook.engine.event.EventSink() {
            @Override
            public EngineEvent claim(EngineEvent scratch) {
                return sink.claim(scratch);
            }

            @Override
            public void onEvent(EngineEvent event) {
                sink.onEvent(event);
                if (event.type == EventType.ORDER_ACCEPTED && event.qty == POISON_QTY) {
                    throw new IllegalStateException("failed after an event");
                }
            }

            @Override
            public void onCommandEnd(long sequence) {
                sink.onCommandEnd(sequence);
            }
        };
        return LogicService.newLogic(data, failing, 1 << 10, 1 << 10);
    }

    private static CompletableFuture<List<EngineEvent>> order(ClusterClient client, long qty) {
        return client.submit(slot -> slot.newOrder(0, DemoMarket.TEST, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, qty));
    }

    /** The engine's logic with a pre-trade check that accepts every order but throws on {@link #POISON_QTY}. */
    private static BusinessLogic poisonedLogic(io.ringbook.engine.domain.ReferenceData data, io.ringbook.engine.event.EventSink sink) {
        PreTradeCheck poisoned = new PreTradeCheck() {
            @Override
            public RejectReason checkNewOrder(Command order) {
                if (order.qty == POISON_QTY) {
                    throw new IllegalStateException("poisoned order");
                }
                return RejectReason.NONE;
            }

            @Override
            public RejectReason checkAmend(Command amend, Order order) {
                return RejectReason.NONE;
            }
        };
        return new BusinessLogic(data.symbols(), data.accounts().size(), context -> poisoned, sink, 1 << 10);
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.DemoProfile;
import io.ringbook.engine.domain.CancelReason;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventType;
import io.ringbook.engine.pipeline.EnginePipeline;
import io.ringbook.engine.pipeline.JournalStage;
import io.ringbook.engine.pipeline.OutputJournalThread;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.engine.pipeline.WaitStrategyKind;
import io.ringbook.gateway.fix.FixGateway;
import io.ringbook.gateway.fix.FixPasswords;
import io.ringbook.gateway.fix.FixSessionOptions;
import io.ringbook.risk.RiskBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.MsgType;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancel-on-disconnect is never lost: a full ring delays it (API.md). */
class FixCancelOnDisconnectTest {

    private static final int TEST_SYMBOL = 2;
    private static final int T4 = 3;

    @TempDir
    Path dir;

    @Test
    void aCancelOnDisconnectMetByAFullRingIsDelayedNotLost() throws Exception {
        ReferenceData demo = DemoProfile.referenceData();
        Stall stall = new Stall();
        BlockingQueue<EngineEvent> canceled = new LinkedBlockingQueue<>();
        EnginePipeline.Builder builder = EnginePipeline.builder(sink -> EngineLogic.live(new RiskBoard(demo.risk()), 64, 1024).apply(demo, sink))
                .config(new PipelineConfig(8, WaitStrategyKind.BLOCKING, 8, WaitStrategyKind.BLOCKING, 1, 0, 0, OutputJournalThread.FOLLOWING))
                .journal(JournalStage.NONE)
                .outputJournal(stall) // never cut off (an edge held this long would be, after a second: a loaded machine's logout takes that)
                .listener(e -> {
                    if (e.type == EventType.ORDER_CANCELED) {
                        canceled.add(e.copy());
                    }
                });
        FixGateway gateway = new FixGateway(demo, "127.0.0.1", 0, dir.resolve("fix"), FixSessionOptions.DEFAULTS,
                new FixPasswords(Map.of(0, "t1-key")));
        gateway.listeners().forEach(builder::listener);
        try (EnginePipeline pipeline = builder.build().start(); gateway) {
            gateway.start(pipeline.publisher());
            FixClient t1 = new FixClient("T1", "t1-key", gateway.port(), dir.resolve("client"));
            try (t1) {
                assertTrue(t1.awaitLogon(10));
                t1.send(FixEndToEndTest.order("k-1", "TEST", '1', "90", "1"));
                assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
                stall.hold();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!bothRingsFull(pipeline)) {
                    pipeline.publisher().tryPublish(c -> c.massCancel(T4, TEST_SYMBOL));
                    assertTrue(System.nanoTime() < deadline, "the rings fill while the outbound side is held");
                }
            }
            assertTrue(bothRingsFull(pipeline), "the ring is still full after the logout");
            stall.release();
            EngineEvent disconnect = canceled.poll(10, TimeUnit.SECONDS);
            assertNotNull(disconnect, "the order is canceled once the ring has room");
            assertEquals(CancelReason.DISCONNECT, disconnect.cancelReason);
            assertEquals("k-1", disconnect.clOrdId.toString());
        }
    }

    private static boolean bothRingsFull(EnginePipeline pipeline) {
        Map<String, Object> rings = pipeline.health().get(0).check().details();
        return count(rings, "inboundUsed") == count(rings, "inboundSize") && count(rings, "outboundUsed") == count(rings, "outboundSize");
    }

    private static long count(Map<String, Object> details, String name) {
        return ((Number) details.get(name)).longValue();
    }

    /** An output journal that can be held, so that the outbound ring, then the inbound ring, fill. */
    private static final class Stall implements EngineListener {
        private volatile CountDownLatch held = new CountDownLatch(0);

        void hold() {
            held = new CountDownLatch(1);
        }

        void release() {
            held.countDown();
        }

        @Override
        public void onEvent(EngineEvent event) {
            try {
                held.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

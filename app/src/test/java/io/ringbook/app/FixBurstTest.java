package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of NewOrderSingles larger than the outbound ring, from two real QuickFIX/J
 * initiators that send as fast as they can and trade with each other: the sessions'
 * inbound is held to what their reports keep up with, so nothing is cut off, no order
 * is refused for a full ring, and every order is answered.
 */
class FixBurstTest extends FixDemoTest {

    /** Per session; both together well over the outbound ring's 16,384 events (each trade makes several). */
    private static final int ORDERS = 12_000;

    @Test
    void aBurstLargerThanTheRingCutsNothingOffAndEveryOrderIsAnswered() throws Exception {
        try (FixClient buyer = client("T1"); FixClient seller = client("T2")) {
            Thread buying = new Thread(() -> burst(buyer, "b", '1'));
            Thread selling = new Thread(() -> burst(seller, "s", '2'));
            buying.start();
            selling.start();
            buying.join(TimeUnit.SECONDS.toMillis(60));
            selling.join(TimeUnit.SECONDS.toMillis(60));
            assertAllAnswered(buyer, "b");
            assertAllAnswered(seller, "s");
        }
        JsonNode components = health();
        JsonNode listeners = components.path("outboundListeners").path("details");
        assertEquals("none", listeners.path("cutOff").asText(), "no edge cut off: " + listeners);
        JsonNode fix = components.path("fixGateway").path("details");
        assertTrue(fix.path("readsHeld").asLong() > 0, "the window held a connection's reads at least once: " + fix);
        assertEquals(0, fix.path("sessionsHeldNow").asLong(), "no connection left held once every order is answered: " + fix);
    }

    private static void burst(FixClient client, String prefix, char side) {
        for (int i = 0; i < ORDERS; i++) {
            client.send(order(prefix + i, "TEST", side, "100", "1"));
        }
    }

    /**
     * Each order's first report, none refused for a full ring (UNAVAILABLE); the demo's
     * risk limits (orders per second, open orders) may refuse some, which is an answer too.
     */
    private static void assertAllAnswered(FixClient client, String prefix) throws Exception {
        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.size() < ORDERS && System.nanoTime() < deadline) {
            Message report = client.next(MsgType.EXECUTION_REPORT);
            String clOrdId = report.getString(11);
            assertTrue(clOrdId.startsWith(prefix), clOrdId);
            String text = report.isSetField(58) ? report.getString(58) : "";
            assertFalse(report.getChar(150) == '8' && text.startsWith("UNAVAILABLE"), "order " + clOrdId + " refused: " + text);
            answered.add(clOrdId);
        }
        assertEquals(ORDERS, answered.size(), "every order answered");
    }

    private JsonNode health() throws Exception {
        return TestHttp.json(TestHttp.at(engine.adminPort()).bearer("viewer-token").get("/health")).path("components");
    }
}

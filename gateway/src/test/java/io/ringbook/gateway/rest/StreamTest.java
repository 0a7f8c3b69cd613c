package io.ringbook.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket streams with a real client: book snapshot then contiguous updates, trades,
 * own executions, ping; and a stalled client cut off without holding anyone up.
 */
class StreamTest {

    @AutoClose
    private final GatewayFixture gateway = new GatewayFixture();

    @Test
    void shouldStreamABookSnapshotThenEveryChangeInSequenceAndTheClientsOwnExecutions() throws Exception {
        gateway.limit("t2-key", "SELL", 105, 4);
        WsClient.Frames frames = new WsClient.Frames();
        WebSocket ws = connect("t1-key", frames);
        ws.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("subscribed", frames.next().get("type").asText());
        JsonNode snapshot = frames.next();
        assertTrue(snapshot.get("snapshot").asBoolean());
        assertEquals("[[\"105\",\"4\"]]", snapshot.get("asks").toString());
        long sequence = snapshot.get("sequence").asLong();

        ws.sendText("{\"op\":\"subscribe\",\"channel\":\"orders\"}", true).get(5, TimeUnit.SECONDS);
        ws.sendText("{\"op\":\"subscribe\",\"channel\":\"trades\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("subscribed", frames.next().get("type").asText());
        assertEquals("subscribed", frames.next().get("type").asText());
        gateway.limit("t1-key", "BUY", 105, 1);

        boolean sawExecution = false;
        boolean sawTrade = false;
        boolean sawBook = false;
        for (int i = 0; i < 5 && !(sawExecution && sawTrade && sawBook); i++) {
            JsonNode frame = frames.next();
            switch (frame.get("type").asText()) {
                case "book" -> {
                    assertEquals(++sequence, frame.get("sequence").asLong(), "contiguous sequence");
                    assertEquals("[[\"105\",\"3\"]]", frame.get("asks").toString());
                    sawBook = true;
                }
                case "trade" -> {
                    assertEquals("BUY", frame.get("takerSide").asText());
                    sawTrade = true;
                }
                case "execution" -> {
                    assertEquals("T1", frame.get("account").asText(), "only the client's own orders");
                    sawExecution = true;
                }
                default -> throw new AssertionError("unexpected " + frame);
            }
        }
        assertTrue(sawExecution && sawTrade && sawBook);
        ws.sendText("{\"op\":\"ping\"}", true).get(5, TimeUnit.SECONDS);
        JsonNode pong = frames.next();
        while (!pong.get("type").asText().equals("pong")) {
            pong = frames.next();
        }
        ws.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"NOPE\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("UNKNOWN_SYMBOL", frames.next().get("error").get("code").asText());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldGiveTwoSubscribersTheSameBookSequenceAndATicker() throws Exception {
        WsClient.Frames first = new WsClient.Frames();
        WsClient.Frames second = new WsClient.Frames();
        WebSocket a = connect("t1-key", first);
        WebSocket b = connect("t2-key", second);
        a.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        b.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        b.sendText("{\"op\":\"subscribe\",\"channel\":\"ticker\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        first.next();
        first.next();
        second.next();
        second.next();
        assertEquals("subscribed", second.next().get("type").asText());
        assertEquals("ticker", second.next().get("type").asText());
        for (int i = 0; i < 5; i++) {
            gateway.limit("t1-key", "BUY", 90 + i, 1);
        }
        StringBuilder seenByFirst = new StringBuilder();
        StringBuilder seenBySecond = new StringBuilder();
        for (int updates = 0; updates < 5; updates++) {
            seenByFirst.append(first.next().get("sequence").asLong()).append(',');
        }
        int tickers = 0;
        for (int updates = 0; updates < 5; ) {
            JsonNode frame = second.next();
            if (frame.get("type").asText().equals("book")) {
                seenBySecond.append(frame.get("sequence").asLong()).append(',');
                updates++;
            } else {
                assertEquals("ticker", frame.get("type").asText());
                tickers++;
            }
        }
        assertTrue(tickers >= 4, "a ticker with each book change, " + tickers);
        assertEquals("1,2,3,4,5,", seenByFirst.toString());
        assertEquals(seenByFirst.toString(), seenBySecond.toString());
        a.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        b.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldCutOffAStalledSubscriberWhileOrderEntryGoesOnAndAFastOneMissesNothing() throws Exception {
        WsClient.Frames fast = new WsClient.Frames();
        WebSocket fastWs = connect("t1-key", fast);
        fastWs.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("subscribed", fast.next().get("type").asText());
        long sequence = fast.next().get("sequence").asLong();
        WsClient.Stalled stalled = new WsClient.Stalled();
        WebSocket slowWs = connect("t2-key", stalled);
        slowWs.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}", true).get(5, TimeUnit.SECONDS);
        waitFor(() -> sessions() == 2 && gateway.gateway().health().check().details().get("deepestStreamQueueBytes") != null);

        // 5,000 orders a second (about 10,000 book frames): a client that reads keeps up, one that does not fills up
        CommandPublisher engine = gateway.publisher();
        int orders = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(60);
        while (sessions() > 1 && System.nanoTime() < deadline) {
            long due = (System.nanoTime() - start) / 200_000;
            for (; orders < due; orders++) {
                long price = 1 + orders % 500;
                assertTrue(publishWithin(engine, c -> c.newOrder(2, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 1)),
                        "order entry is never held up");
                if (orders % 500 == 499) {
                    assertTrue(publishWithin(engine, c -> c.massCancel(2, 2)), "order entry is never held up");
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
        assertEquals(1, sessions(), "the stalled subscriber was cut off after " + orders + " orders");
        engine.submit(c -> c.massCancel(2, 2)).get(5, TimeUnit.SECONDS);

        slowWs.request(Long.MAX_VALUE);
        assertEquals(1008, stalled.closeCode.get(10, TimeUnit.SECONDS), "closed as a slow consumer");
        long last = gateway.get(null, "/api/v1/book/TEST").body().get("sequence").asLong();
        while (sequence < last) {
            JsonNode frame = fast.next();
            if (frame.get("type").asText().equals("book")) {
                assertEquals(++sequence, frame.get("sequence").asLong(), "the fast subscriber saw every change in order");
            }
        }
        assertTrue(orders >= StreamLimits.DEMO.queueBytes() / 200, "it took a real backlog: " + orders + " orders");
        fastWs.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    /**
     * Publishes within 2 s: a full ring that drains is a busy machine catching up (the
     * test's own catch-up bursts on a starved core), a ring that stays full is an engine
     * held up by its subscribers.
     */
    private static boolean publishWithin(CommandPublisher engine, CommandPublisher.CommandWriter command) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!engine.tryPublish(command)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    @Test
    void shouldFollowEverySnapshotWithTheNextSequenceWhileTheBookKeepsChanging() throws Exception {
        try (BookFlow flow = new BookFlow(gateway.publisher(), 20_000)) {
            WsClient.Frames frames = new WsClient.Frames();
            WebSocket ws = connect("t1-key", frames);
            for (int round = 0; round < 40; round++) {
                WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}");
                JsonNode snapshot = frames.next(frame -> frame.path("snapshot").asBoolean());
                JsonNode update = frames.next(WsClient.type("book"));
                assertEquals(snapshot.get("sequence").asLong() + 1, update.get("sequence").asLong(),
                        "round " + round + ": the update after a snapshot is the next change, neither repeated nor skipped");
                WsClient.send(ws, "{\"op\":\"unsubscribe\",\"channel\":\"book\",\"symbol\":\"TEST\"}");
                frames.next(WsClient.type("unsubscribed"));
                Thread.sleep(25);
            }
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldShowARefusedCancelWithTheOrdersRealSideStatusAndTimes() throws Exception {
        long sell = gateway.limit("t2-key", "SELL", 100, 1);
        WsClient.Frames frames = new WsClient.Frames();
        WebSocket ws = connect("t2-key", frames);
        WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"orders\"}");
        frames.next(WsClient.type("subscribed"));
        gateway.limit("t1-key", "BUY", 100, 1);
        gateway.publisher().submit(c -> c.cancel(1, sell)).get(5, TimeUnit.SECONDS);
        JsonNode refused = frames.next(frame -> frame.path("execType").asText().equals("CANCEL_REJECTED"));
        assertEquals(sell, refused.get("orderId").asLong());
        assertEquals("SELL", refused.get("side").asText(), refused.toString());
        assertEquals("FILLED", refused.get("status").asText(), refused.toString());
        assertEquals("TOO_LATE_TO_CANCEL", refused.get("rejectReason").asText(), refused.toString());
        assertTrue(refused.get("createdAt").asText().startsWith("20"), refused.toString());
        assertTrue(refused.get("updatedAt").asText().startsWith("20"), refused.toString());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldStreamNothingAboutTheOriginalOrderWhenItsClOrdIdIsUsedAgain() throws Exception {
        WsClient.Frames frames = new WsClient.Frames();
        WebSocket ws = connect("t1-key", frames);
        WsClient.send(ws, "{\"op\":\"subscribe\",\"channel\":\"orders\"}");
        frames.next(WsClient.type("subscribed"));
        String body = "{\"clOrdId\":\"dup\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"50\",\"qty\":\"2\"}";
        long original = gateway.post("t1-key", body).body().get("orderId").asLong();
        assertEquals(200, gateway.post("t1-key", body).status(), "an idempotent resend");
        assertEquals(409, gateway.post("t1-key", body.replace("\"50\"", "\"51\"")).status(), "another body");
        long later = gateway.limit("t1-key", "BUY", 49, 1);
        JsonNode frame = frames.next();
        StringBuilder seen = new StringBuilder();
        while (frame.path("orderId").asLong() != later) {
            seen.append(frame).append('\n');
            assertEquals(original, frame.get("orderId").asLong());
            assertEquals("NEW", frame.get("status").asText(), "the original is not reported rejected: " + seen);
            frame = frames.next();
        }
        assertEquals(1, seen.toString().lines().count(), "one frame about the original, its acceptance: " + seen);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldGiveEachSessionOnlyItsOwnAccountsExecutionsFromTheSharedLog() throws Exception {
        WsClient.Frames first = new WsClient.Frames();
        WsClient.Frames second = new WsClient.Frames();
        WebSocket t1 = connect("t1-key", first);
        WebSocket t2 = connect("t2-key", second);
        WsClient.send(t1, "{\"op\":\"subscribe\",\"channel\":\"orders\"}");
        WsClient.send(t2, "{\"op\":\"subscribe\",\"channel\":\"orders\"}");
        first.next(WsClient.type("subscribed"));
        second.next(WsClient.type("subscribed"));
        // the other account's executions come first in the log: a session that read them would see them first
        long[] ofT2 = {gateway.limit("t2-key", "SELL", 110, 1), gateway.limit("t2-key", "SELL", 111, 1), 0};
        long[] ofT1 = {gateway.limit("t1-key", "BUY", 90, 1), gateway.limit("t1-key", "BUY", 91, 1)};
        ofT2[2] = gateway.limit("t2-key", "SELL", 112, 1);
        for (long orderId : ofT1) {
            JsonNode execution = first.next(WsClient.type("execution"));
            assertEquals("T1", execution.get("account").asText());
            assertEquals(orderId, execution.get("orderId").asLong(), "the session's own executions, in order");
        }
        for (long orderId : ofT2) {
            JsonNode execution = second.next(WsClient.type("execution"));
            assertEquals("T2", execution.get("account").asText());
            assertEquals(orderId, execution.get("orderId").asLong(), "the session's own executions, in order");
        }
        t1.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        t2.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldRefuseABadKeyAtTheUpgrade() {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> connect("nope", new WsClient.Frames()));
        assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    private WebSocket connect(String key, WebSocket.Listener frames) throws Exception {
        return WsClient.connect(gateway, key, frames);
    }

    private int sessions() {
        return (Integer) gateway.gateway().health().check().details().get("streamSessions");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            Thread.sleep(10);
        }
    }
}

package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import io.ringbook.journal.ReplayVerifier;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real QuickFIX/J initiators trading against the whole app over FIX 4.4, per API.md. */
class FixEndToEndTest extends FixDemoTest {

    @Test
    void ordersFillAcrossTwoSessionsAndEveryReportCarriesTheContractsTags() throws Exception {
        try (FixClient t1 = client("T1"); FixClient t2 = client("T2")) {
            t1.send(order("s-1", "TEST", '2', "100", "5"));
            Message accepted = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('0', accepted.getChar(150));
            assertEquals('0', accepted.getChar(39));
            String orderId = accepted.getString(37);
            t2.send(order("b-1", "TEST", '1', "101", "2"));
            assertEquals('0', t2.next(MsgType.EXECUTION_REPORT).getChar(150));
            Message taker = t2.next(MsgType.EXECUTION_REPORT);
            assertEquals('F', taker.getChar(150));
            assertEquals('2', taker.getChar(39), "the buyer is filled");
            assertEquals("100", taker.getString(31));
            assertEquals("2", taker.getString(32));
            assertEquals(2, taker.getInt(851), "taker");
            Message maker = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('F', maker.getChar(150));
            assertEquals('1', maker.getChar(39), "the seller is partially filled");
            assertEquals(1, maker.getInt(851), "maker");
            assertEquals("3", maker.getString(151));
            assertEquals("2", maker.getString(14));
            assertEquals(orderId, maker.getString(37));
            assertTrue(maker.isSetField(60) && maker.isSetField(17) && maker.isSetField(6));

            t1.send(replace("s-2", "s-1", '2', "100", "4"));
            Message replaced = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('5', replaced.getChar(150));
            assertEquals("s-2", replaced.getString(11));
            assertEquals("s-1", replaced.getString(41));
            assertEquals(orderId, replaced.getString(37), "OrderID survives the replace");
            assertEquals("2", replaced.getString(151));

            t1.send(cancel("c-1", "s-2"));
            Message canceled = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('4', canceled.getChar(150));
            assertEquals('4', canceled.getChar(39));
            assertEquals("c-1", canceled.getString(11));
            assertEquals("s-2", canceled.getString(41));

            t1.send(cancel("c-2", "s-2"));
            Message tooLate = t1.next(MsgType.ORDER_CANCEL_REJECT);
            assertEquals(0, tooLate.getInt(102), "too late");
            assertEquals('1', tooLate.getChar(434));
            t1.send(cancel("c-3", "never"));
            assertEquals(1, t1.next(MsgType.ORDER_CANCEL_REJECT).getInt(102), "unknown order");
        }
    }

    @Test
    void everyReportAboutAnOrderCarriesThatOrdersOwnClOrdId() throws Exception {
        try (FixClient a = client("T1"); FixClient b = client("T2")) {
            b.send(order("B-1", "TEST", '2', "100", "5"));
            assertEquals('0', b.next(MsgType.EXECUTION_REPORT).getChar(150));
            a.send(order("A-1", "TEST", '1', "90", "2"));
            assertEquals('0', a.next(MsgType.EXECUTION_REPORT).getChar(150));
            a.send(replace("A-2", "A-1", '1', "100", "2"));
            Message replaced = a.next(MsgType.EXECUTION_REPORT);
            assertEquals('5', replaced.getChar(150));
            assertEquals("A-2", replaced.getString(11));
            assertEquals("A-1", replaced.getString(41), "its own previous ClOrdID");
            Message ownFill = a.next(MsgType.EXECUTION_REPORT);
            assertEquals('F', ownFill.getChar(150));
            assertEquals("A-2", ownFill.getString(11));
            assertFalse(ownFill.isSetField(41) && ownFill.getString(41).equals("A-2"), "never its new ClOrdID as the original");

            Message makerFill = b.next(MsgType.EXECUTION_REPORT);
            assertEquals('F', makerFill.getChar(150));
            assertEquals("B-1", makerFill.getString(11), "the resting order's own ClOrdID, not the other account's");
            assertFalse(makerFill.isSetField(41), "no replace of its own");
            b.send(cancel("B-c", "B-1"));
            Message canceled = b.next(MsgType.EXECUTION_REPORT);
            assertEquals('4', canceled.getChar(150), "B still cancels by its own ClOrdID");
            assertEquals("B-c", canceled.getString(11));
            assertEquals("B-1", canceled.getString(41));
        }
    }

    @Test
    void badOrdersAreRejectedWithTheContractsReasons() throws Exception {
        try (FixClient t1 = client("T1")) {
            t1.send(order("u-1", "DOGE", '1', "1", "1"));
            Message unknown = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('8', unknown.getChar(150));
            assertEquals(1, unknown.getInt(103));
            t1.send(order("u-2", "BTC-USD", '1', "100.001", "1"));
            Message offTick = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('8', offTick.getChar(39));
            assertTrue(offTick.getString(58).startsWith("INVALID_PRICE"), offTick.getString(58));
            t1.send(order("u-3", "TEST", '1', "10", "1"));
            assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
            t1.send(order("u-3", "TEST", '1', "10", "1"));
            Message duplicate = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('8', duplicate.getChar(150));
            assertEquals(6, duplicate.getInt(103));
            assertEquals("NONE", duplicate.getString(37), "the order holding the ClOrdID is not the one refused");

            t1.send(statusRequest("u-3", "TEST", '1'));
            Message report = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('I', report.getChar(150));
            assertEquals('0', report.getChar(39));

            Message massCancel = message(MsgType.ORDER_MASS_CANCEL_REQUEST);
            massCancel.setString(11, "m-1");
            massCancel.setChar(530, '7');
            massCancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
            t1.send(massCancel);
            Message massReport = t1.next(MsgType.ORDER_MASS_CANCEL_REPORT);
            assertEquals('7', massReport.getChar(531));
            assertEquals(1, massReport.getInt(533));

            Message malformed = message(MsgType.QUOTE_REQUEST);
            malformed.setString(131, "q-1");
            malformed.addGroup(new quickfix.fix44.QuoteRequest.NoRelatedSym());
            t1.send(malformed);
            assertEquals(MsgType.QUOTE_REQUEST, t1.next(MsgType.REJECT).getString(372), "a malformed message: session Reject (3)");

            Message unsupported = message(MsgType.TRADING_SESSION_STATUS_REQUEST);
            unsupported.setString(335, "ts-1");
            unsupported.setChar(263, '0');
            t1.send(unsupported);
            assertEquals(MsgType.TRADING_SESSION_STATUS_REQUEST, t1.next(MsgType.BUSINESS_MESSAGE_REJECT).getString(372),
                    "a type the gateway does not take: BusinessMessageReject (j)");
        }
    }

    @Test
    void aRestOrderForAnUnknownSymbolIsRejectedAndEveryDoorKeepsWorking() throws Exception {
        try (FixClient t1 = client("T1")) {
            HttpResponse<String> unknown = post("t1-key", "/api/v1/orders",
                    "{\"clOrdId\":\"r-1\",\"symbol\":\"NOPE\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"100\",\"qty\":\"1\"}");
            assertEquals(422, unknown.statusCode(), unknown.body());
            assertEquals("UNKNOWN_SYMBOL", JSON.readTree(unknown.body()).get("rejectReason").asText());
            HttpResponse<String> next = post("t1-key", "/api/v1/orders",
                    "{\"clOrdId\":\"r-2\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"100\",\"qty\":\"1\"}");
            assertEquals(201, next.statusCode(), next.body());
            Message report = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals("r-2", report.getString(11), "the FIX session hears of the REST order, and of no symbol-less one");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + engine.adminPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("UP", JSON.readTree(health.body()).get("components").get("outboundListeners").get("status").asText());
        }
    }

    @Test
    void reportsMadeWhileASessionIsAwayArriveByResendAtItsNextLogon() throws Exception {
        try (FixClient t4 = client("T4")) {
            t4.send(order("a-1", "TEST", '1', "95", "2"));
            assertEquals('0', t4.next(MsgType.EXECUTION_REPORT).getChar(150));
        }
        HttpResponse<String> meanwhile = post("t4-key", "/api/v1/orders",
                "{\"clOrdId\":\"a-2\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"94\",\"qty\":\"1\"}");
        assertEquals(201, meanwhile.statusCode(), meanwhile.body());
        try (FixClient again = client("T4")) {
            Message canceled = again.next(MsgType.EXECUTION_REPORT);
            assertEquals("a-1", canceled.getString(11));
            assertEquals('4', canceled.getChar(150), "its order canceled on disconnect");
            assertTrue(canceled.getHeader().getBoolean(43), "delivered by resend (PossDupFlag)");
            Message placed = again.next(MsgType.EXECUTION_REPORT);
            assertEquals("a-2", placed.getString(11), "the REST order placed while the session was away");
            assertEquals('0', placed.getChar(150));
        }
    }

    @Test
    void aLostSessionCancelsItsOrdersAndSequenceNumbersSurviveARestartWithResend() throws Exception {
        String orderId;
        HttpResponse<String> viaRest;
        try (FixClient t3 = client("T3")) {
            t3.send(order("d-1", "TEST", '1', "90", "1"));
            orderId = t3.next(MsgType.EXECUTION_REPORT).getString(37);
            viaRest = post("t3-key", "/api/v1/orders",
                    "{\"clOrdId\":\"r-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"89\",\"qty\":\"1\"}");
            assertEquals(201, viaRest.statusCode(), viaRest.body());
            assertEquals("r-1", t3.next(MsgType.EXECUTION_REPORT).getString(11));
        }
        JsonNode order = rest("t3-key", "/api/v1/orders/" + orderId);
        for (int i = 0; i < 50 && order.get("status").asText().equals("NEW"); i++) {
            Thread.sleep(20);
            order = rest("t3-key", "/api/v1/orders/" + orderId);
        }
        assertEquals("CANCELED", order.get("status").asText());
        assertEquals("DISCONNECT", order.get("cancelReason").asText());
        assertEquals("NEW", rest("t3-key", "/api/v1/orders/" + JSON.readTree(viaRest.body()).get("orderId").asText()).get("status").asText(),
                "cancel-on-disconnect cancels the orders that came in through the session, not the account's REST orders");

        engine.close();
        engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, ports);
        try (FixClient again = new FixClient("T3", engine.fixPort(), clients.resolve("T3"))) {
            again.fixSession().setNextTargetMsgSeqNum(1);
            assertTrue(again.awaitLogon(10), "logon after the restart");
            Message resent = again.next(MsgType.EXECUTION_REPORT);
            assertTrue(resent.getHeader().getBoolean(43), "the server resends what the client asked for again (PossDupFlag)");
            assertTrue(again.fixSession().getExpectedSenderNum() > 2, "the client's own numbering went on");
        }
        engine.close();
        assertNull(ReplayVerifier.verify(data, EngineLogic.replay(1 << 16)).firstDifference());
        engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, ports);
    }

}

package io.ringbook.app;

import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports a FIX client must be able to trust in the corners: resends, duplicates, bad replaces, late cancels, status queries. */
class FixEdgeCasesTest extends FixDemoTest {

    @Test
    void aPossResendOfAUsedClOrdIdGetsTheOrdersStatusAndADuplicateIsRefusedWithoutTouchingTheOrder() throws Exception {
        try (FixClient t1 = client("T1")) {
            t1.send(order("o-1", "TEST", '1', "90", "3"));
            String orderId = t1.next(MsgType.EXECUTION_REPORT).getString(37);

            t1.send(possResend(order("o-1", "TEST", '1', "90", "3")));
            Message status = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('I', status.getChar(150), "a PossResend of a ClOrdID already used: the order's status");
            assertEquals('0', status.getChar(39));
            assertEquals(orderId, status.getString(37));
            assertEquals("o-1", status.getString(11));

            t1.send(order("o-1", "TEST", '1', "91", "4"));
            Message duplicate = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('8', duplicate.getChar(150));
            assertEquals(6, duplicate.getInt(103));
            assertTrue(duplicate.getString(58).startsWith("DUPLICATE_CLORDID"), duplicate.getString(58));
            assertNotEquals(orderId, duplicate.getString(37), "the refusal is not a report of the order holding the ClOrdID");

            t1.send(statusRequest("o-1", "TEST", '1'));
            Message original = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('0', original.getChar(39), "the original still works");
            assertEquals("3", original.getString(151));
            assertEquals(1, rest("t1-key", "/api/v1/orders?status=OPEN").size(), "never a second order");

            t1.send(possResend(order("o-2", "TEST", '1', "89", "1")));
            assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150), "a PossResend of a ClOrdID never seen is a new order");
        }
    }

    @Test
    void aPossResendSentRightBehindItsOriginalStillGetsTheOrdersStatus() throws Exception {
        try (FixClient t1 = client("T1")) {
            for (int i = 0; i < 20; i++) {
                String clOrdId = "race-" + i;
                t1.send(order(clOrdId, "TEST", '1', "80", "1"));
                t1.send(possResend(order(clOrdId, "TEST", '1', "80", "1")));
                Message first = t1.next(MsgType.EXECUTION_REPORT);
                Message second = t1.next(MsgType.EXECUTION_REPORT);
                assertEquals('0', first.getChar(150), clOrdId + ": the original is the order");
                assertEquals('I', second.getChar(150), clOrdId + ": its PossResend, however close behind, gets the order's status");
                assertEquals(first.getString(37), second.getString(37));
            }
            assertEquals(20, rest("t1-key", "/api/v1/orders?status=OPEN").size(), "never a second order");
        }
    }

    @Test
    void aRestResendOfAUsedClOrdIdIsNoRejectOnTheAccountsFixSession() throws Exception {
        try (FixClient t1 = client("T1")) {
            String body = "{\"clOrdId\":\"x-1\",\"symbol\":\"TEST\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"90\",\"qty\":\"1\"}";
            assertEquals(201, post("t1-key", "/api/v1/orders", body).statusCode());
            assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
            assertEquals(200, post("t1-key", "/api/v1/orders", body).statusCode(), "the REST resend gets its order back");
            t1.send(statusRequest("x-1", "TEST", '1'));
            Message next = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('I', next.getChar(150), "the FIX session heard no reject of x-1 in between");
            assertEquals('0', next.getChar(39));
        }
    }

    @Test
    void aReplaceWithAnUnknownSymbolOrAnUnusableQtyOrPriceGetsAnOrderCancelRejectSayingWhich() throws Exception {
        try (FixClient t1 = client("T1")) {
            t1.send(order("g-1", "TEST", '1', "90", "3"));
            assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));

            Message unknownSymbol = replace("g-2", "never", '1', "90", "3");
            unknownSymbol.setString(55, "DOGE");
            assertCancelRejected(t1, unknownSymbol, "UNKNOWN_SYMBOL");
            assertCancelRejected(t1, replace("g-2", "g-1", '1', "90", "1.5"), "INVALID_QTY");
            assertCancelRejected(t1, replace("g-2", "g-1", '1', "90", "0"), "INVALID_QTY");
            t1.send(replace("g-2", "g-1", '1', "90", "1e-999999999"));
            assertEquals(38, t1.next(MsgType.REJECT).getInt(371), "an exponent is no FIX decimal: a session Reject naming OrderQty");
            assertCancelRejected(t1, replace("g-2", "g-1", '1', "90.5", "3"), "INVALID_PRICE");
            assertCancelRejected(t1, replace("g-2", "g-1", '1', "0", "3"), "INVALID_PRICE");

            t1.send(replace("g-2", "g-1", '1', "91", "2"));
            Message replaced = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('5', replaced.getChar(150), "the order was left as it was, and g-2 unused");
            assertEquals("91", replaced.getString(44));
        }
    }

    @Test
    void aCancelTooLateCarriesTheOrdersRealStatus() throws Exception {
        try (FixClient t1 = client("T1"); FixClient t2 = client("T2")) {
            t1.send(order("f-1", "TEST", '2', "100", "1"));
            assertEquals('0', t1.next(MsgType.EXECUTION_REPORT).getChar(150));
            t2.send(order("f-2", "TEST", '1', "100", "1"));
            assertEquals('2', t1.next(MsgType.EXECUTION_REPORT).getChar(39));
            t1.send(cancel("f-c", "f-1"));
            Message tooLate = t1.next(MsgType.ORDER_CANCEL_REJECT);
            assertEquals(0, tooLate.getInt(102));
            assertEquals('2', tooLate.getChar(39), "the order is filled, not rejected");
        }
    }

    @Test
    void statusAnswersEchoTheRequestIdNameAnUnknownOrderAndHaveExecIdsThatNeverRepeatAcrossARestart() throws Exception {
        String before = unknownOrderStatusExecId();
        engine.close();
        engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, ports);
        assertNotEquals(before, unknownOrderStatusExecId(), "a gateway ExecID is never given twice");
    }

    private String unknownOrderStatusExecId() throws Exception {
        try (FixClient t1 = client("T1")) {
            Message request = statusRequest("nope", "TEST", '1');
            request.setString(790, "q-1");
            t1.send(request);
            Message unknown = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('I', unknown.getChar(150));
            assertEquals(5, unknown.getInt(103), "unknown order");
            assertEquals("q-1", unknown.getString(790), "OrdStatusReqID echoed");
            return unknown.getString(17);
        }
    }

    private static void assertCancelRejected(FixClient client, Message replace, String code) throws Exception {
        client.send(replace);
        Message reject = client.next(MsgType.ORDER_CANCEL_REJECT);
        assertEquals('2', reject.getChar(434), "a reject of the replace request");
        assertEquals(replace.getString(41).equals("g-1") ? '0' : '8', reject.getChar(39), "the order's own status, 8 if unknown");
        assertTrue(reject.getString(58).startsWith(code), reject.getString(58));
    }
}

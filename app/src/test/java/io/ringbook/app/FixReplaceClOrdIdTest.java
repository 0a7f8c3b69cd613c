package io.ringbook.app;

import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A real QuickFIX/J initiator replacing and canceling by OrigClOrdID alone (no OrderID), per API.md. */
class FixReplaceClOrdIdTest extends FixDemoTest {

    @Test
    void aReplaceToAClOrdIdInUseIsRefusedWithReason6AndBothOrdersStayAsTheyWere() throws Exception {
        try (FixClient t1 = client("T1")) {
            t1.send(order("a", "TEST", '1', "100", "5"));
            String first = t1.next(MsgType.EXECUTION_REPORT).getString(37);
            t1.send(order("b", "TEST", '1', "101", "5"));
            String second = t1.next(MsgType.EXECUTION_REPORT).getString(37);

            t1.send(replace("a", "b", '1', "101", "3"));
            Message refused = t1.next(MsgType.ORDER_CANCEL_REJECT);
            assertEquals(6, refused.getInt(102), "duplicate ClOrdID");
            assertEquals("DUPLICATE_CLORDID", refused.getString(58));
            assertEquals('2', refused.getChar(434));
            assertEquals(second, refused.getString(37));
            assertEquals("b", refused.getString(41), "the order keeps its ClOrdID");

            t1.send(cancel("x-1", "a"));
            Message firstCanceled = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('4', firstCanceled.getChar(150));
            assertEquals(first, firstCanceled.getString(37), "a still names the first order");
            t1.send(cancel("x-2", "b"));
            Message secondCanceled = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals(second, secondCanceled.getString(37));
            assertEquals("5", secondCanceled.getString(38), "the second order's quantity is unchanged");
        }
    }
}

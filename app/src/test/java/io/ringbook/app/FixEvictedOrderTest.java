package io.ringbook.app;

import io.ringbook.engine.domain.OrderType;
import io.ringbook.engine.domain.Side;
import io.ringbook.engine.domain.TimeInForce;
import io.ringbook.engine.pipeline.CommandPublisher;
import io.ringbook.views.orders.OrderViews;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A done order that the FIX door (and the REST read models) no longer keep in memory is
 * still answered as API.md's FIX section says: a PossResend of its ClOrdID gets its status
 * (150=I, not a second order, not a reject), a status request finds it, a cancel of it is
 * refused as too late with its real OrdStatus, and a plain resend is still a duplicate.
 */
class FixEvictedOrderTest extends FixDemoTest {

    @Test
    void aPossResendStatusRequestAndLateCancelOfAnEvictedDoneOrderAreAnsweredFromTheJournal() throws Exception {
        try (FixClient t1 = client("T1")) {
            t1.send(order("old-1", "TEST", '1', "100", "1"));
            String orderId = t1.next(MsgType.EXECUTION_REPORT).getString(37);
            assertEquals(201, post("t2-key", "/api/v1/orders",
                    "{\"clOrdId\":\"taker\",\"symbol\":\"TEST\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":\"100\",\"qty\":\"1\"}")
                    .statusCode());
            assertEquals('2', t1.next(MsgType.EXECUTION_REPORT).getChar(39), "old-1 filled");

            pushOutOfMemory();

            t1.send(possResend(order("old-1", "TEST", '1', "100", "1")));
            Message status = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('I', status.getChar(150), "a PossResend of the evicted order's ClOrdID: its status");
            assertEquals('2', status.getChar(39), "filled");
            assertEquals(orderId, status.getString(37));
            assertEquals("old-1", status.getString(11));
            assertEquals("1", status.getString(14));
            assertEquals("0", status.getString(151));

            t1.send(statusRequest("old-1", "TEST", '1'));
            Message byClOrdId = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('I', byClOrdId.getChar(150));
            assertEquals('2', byClOrdId.getChar(39), "found by its ClOrdID, read from the journal");
            assertEquals(orderId, byClOrdId.getString(37));

            t1.send(cancel("old-1-c2", "old-1"));
            Message tooLate = t1.next(MsgType.ORDER_CANCEL_REJECT);
            assertEquals(0, tooLate.getInt(102), "too late");
            assertEquals('2', tooLate.getChar(39), "the order's real status, not 8");
            assertEquals(orderId, tooLate.getString(37));

            t1.send(order("old-1", "TEST", '1', "91", "4"));
            Message duplicate = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals(6, duplicate.getInt(103), "without PossResend, still a duplicate ClOrdID");
            assertEquals(0, rest("t1-key", "/api/v1/orders?status=OPEN").size(), "never a second order");
        }
    }

    /** More done orders of another account (IOCs against an empty side) than the FIX door and the read models keep; returns once all are reported. */
    private void pushOutOfMemory() throws Exception {
        CommandPublisher publisher = engine.pipeline().publisher();
        for (int i = 0; i <= OrderViews.KEPT_DONE; i++) {
            while (!publisher.tryPublish(c -> c.newOrder(1, 2, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 100, 1))) {
                Thread.onSpinWait();
            }
        }
        assertTrue(publisher.submit(c -> c.newOrder(1, 2, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 100, 1))
                .get(60, TimeUnit.SECONDS).size() > 0, "every earlier event has passed the reports");
    }
}

package io.ringbook.app;

import io.ringbook.app.profile.Ports;
import io.ringbook.engine.pipeline.PipelineConfig;
import io.ringbook.journal.Durability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real QuickFIX/J initiator replacing and canceling by OrigClOrdID alone (no OrderID), per API.md. */
class FixReplaceClOrdIdTest {

    @TempDir
    Path data;
    @TempDir
    Path clients;

    private RunningEngine engine;

    @BeforeEach
    void start() {
        engine = RunningEngine.startDemo(data, false, PipelineConfig.DEFAULTS, Durability.PROCESS_CRASH, Ports.any());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aReplaceToAClOrdIdInUseIsRefusedWithReason6AndBothOrdersStayAsTheyWere() throws Exception {
        try (FixClient t1 = new FixClient("T1", engine.fixPort(), clients.resolve("T1"))) {
            assertTrue(t1.awaitLogon(10));
            t1.send(FixEndToEndTest.order("a", "TEST", '1', "100", "5"));
            String first = t1.next(MsgType.EXECUTION_REPORT).getString(37);
            t1.send(FixEndToEndTest.order("b", "TEST", '1', "101", "5"));
            String second = t1.next(MsgType.EXECUTION_REPORT).getString(37);

            t1.send(replace("a", "b", "3"));
            Message refused = t1.next(MsgType.ORDER_CANCEL_REJECT);
            assertEquals(6, refused.getInt(102), "duplicate ClOrdID");
            assertEquals("DUPLICATE_CLORDID", refused.getString(58));
            assertEquals('2', refused.getChar(434));
            assertEquals(second, refused.getString(37));
            assertEquals("b", refused.getString(41), "the order keeps its ClOrdID");

            t1.send(FixEndToEndTest.cancel("x-1", "a"));
            Message firstCanceled = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals('4', firstCanceled.getChar(150));
            assertEquals(first, firstCanceled.getString(37), "a still names the first order");
            t1.send(FixEndToEndTest.cancel("x-2", "b"));
            Message secondCanceled = t1.next(MsgType.EXECUTION_REPORT);
            assertEquals(second, secondCanceled.getString(37));
            assertEquals("5", secondCanceled.getString(38), "the second order's quantity is unchanged");
        }
    }

    private static Message replace(String clOrdId, String orig, String qty) {
        Message m = FixEndToEndTest.message(MsgType.ORDER_CANCEL_REPLACE_REQUEST);
        m.setString(11, clOrdId);
        m.setString(41, orig);
        m.setString(55, "TEST");
        m.setChar(54, '1');
        m.setChar(40, '2');
        m.setString(44, "101");
        m.setString(38, qty);
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }
}

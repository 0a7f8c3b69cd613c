package io.ringbook.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.MsgType;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the FIX tests share besides the demo engine: client stores per test, real
 * QuickFIX/J initiators, and FIX 4.4 messages.
 */
abstract class FixDemoTest extends DemoEngineTest {

    static final ObjectMapper JSON = TestHttp.JSON;

    @TempDir
    Path clients;

    FixClient client(String compId) throws Exception {
        FixClient client = new FixClient(compId, engine.fixPort(), clients.resolve(compId));
        assertTrue(client.awaitLogon(10), compId + " logs on");
        return client;
    }

    JsonNode rest(String key, String path) throws Exception {
        return TestHttp.json(TestHttp.at(engine.restPort()).key(key).get(path));
    }

    HttpResponse<String> post(String key, String path, String body) throws Exception {
        return TestHttp.at(engine.restPort()).key(key).post(path, body);
    }

    /** A NewOrderSingle: a limit day order. */
    static Message order(String clOrdId, String symbol, char side, String price, String qty) {
        Message m = request(MsgType.NEW_ORDER_SINGLE, clOrdId, symbol, side);
        m.setChar(40, '2');
        m.setString(44, price);
        m.setString(38, qty);
        m.setChar(59, '1');
        return m;
    }

    /** An OrderCancelReplaceRequest of a TEST limit order by OrigClOrdID; {@code price} null keeps the order's. */
    static Message replace(String clOrdId, String orig, char side, String price, String qty) {
        Message m = request(MsgType.ORDER_CANCEL_REPLACE_REQUEST, clOrdId, "TEST", side);
        m.setString(41, orig);
        m.setChar(40, '2');
        if (price != null) {
            m.setString(44, price);
        }
        m.setString(38, qty);
        return m;
    }

    /** An OrderCancelRequest of a TEST order by OrigClOrdID. */
    static Message cancel(String clOrdId, String orig) {
        Message m = request(MsgType.ORDER_CANCEL_REQUEST, clOrdId, "TEST", '2');
        m.setString(41, orig);
        return m;
    }

    /** What every order request carries: ClOrdID, Symbol, Side and TransactTime (now). */
    private static Message request(String type, String clOrdId, String symbol, char side) {
        Message m = message(type);
        m.setString(11, clOrdId);
        m.setString(55, symbol);
        m.setChar(54, side);
        m.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return m;
    }

    /** The message marked PossResend(97)=Y, as a client sends an order again when unsure it arrived. */
    static Message possResend(Message order) {
        order.getHeader().setBoolean(97, true);
        return order;
    }

    static Message statusRequest(String clOrdId, String symbol, char side) {
        Message status = message(MsgType.ORDER_STATUS_REQUEST);
        status.setString(11, clOrdId);
        status.setChar(54, side);
        status.setString(55, symbol);
        return status;
    }

    static Message message(String type) {
        Message m = new Message();
        m.getHeader().setString(MsgType.FIELD, type);
        return m;
    }
}
